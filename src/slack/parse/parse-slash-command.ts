import { SlashCommands } from '../ids.ts';
import { cleanSlackQuery, splitWords, unwrapName } from './clean-slack-text.ts';
import { entityRequest, parseDepsQuery, parseDocsQuery, parseFindQuery, parseOwnerQuery } from './parse-entity-query.ts';
import { parseOnCallQuery } from './parse-oncall-query.ts';
import { parsed, problem, type ParsedRequest } from './slack-request.ts';

/** Slack allows 4,000 characters after a command; more than this is a paste, not a question. */
const MAX_TEXT = 4000;

/** Every command is also a `/callboard` subcommand, for workspaces where `/owner` or `/find` belong to another app. */
const SUBCOMMANDS = ['owner', 'deps', 'find', 'oncall', 'docs', 'scorecard', 'errors', 'sync', 'whoami', 'create', 'runs', 'register', 'help'] as const;

/** `/scorecard <entity, team or scorecard>`. */
const parseScorecardQuery = (text: string, command: string): ParsedRequest => entityRequest(command, text, (entity) => ({ kind: 'scorecard', entity }));

/** What follows the first word of a command's text, as typed (quotes and spacing kept for the sub-parser). */
const restAfterFirstWord = (text: string): string => text.replace(/^\s*\S+\s*/, '');

const parseHousekeeping = (sub: string, rest: readonly string[], command: string): ParsedRequest | undefined => {
  if (sub === 'help' || sub === '?') return parsed({ kind: 'help' });
  if (sub === 'errors' || sub === 'problems') {
    const team = rest.map(unwrapName).filter((word) => word.length > 0);
    if (team.length > 1) return problem(command, 'Name one team, e.g. `/callboard errors checkout-team`.');
    return parsed(team[0] ? { kind: 'errors', team: team[0] } : { kind: 'errors' });
  }
  if (rest.length === 0 && (sub === 'sync' || sub === 'whoami')) return parsed({ kind: sub });
  if (sub === 'sync' || sub === 'whoami') return problem(command, `${command} ${sub} takes no arguments.`);
  return undefined;
};

const parseEntitySubcommand = (sub: string, text: string, command: string): ParsedRequest | undefined => {
  const rest = restAfterFirstWord(text);
  const named = `${command} ${sub}`;
  switch (sub) {
    case 'owner':
      return parseOwnerQuery(rest, named);
    case 'deps':
      return parseDepsQuery(rest, named);
    case 'find':
    case 'search':
      return parseFindQuery(rest, named);
    case 'oncall':
    case 'on-call':
      return parseOnCallQuery(rest, named);
    case 'docs':
    case 'runbook':
      return parseDocsQuery(rest, named);
    case 'scorecard':
      return parseScorecardQuery(rest, named);
    default:
      return undefined;
  }
};

/** `/callboard help | owner x | deps x [--reverse] | find words | oncall x [at time] | docs [x [words]] | errors [team] | sync | whoami`; nothing means help. */
export const parseCallboardCommand = (text: string, command: string = SlashCommands.callboard): ParsedRequest => {
  const [first, ...rest] = splitWords(text);
  const sub = first?.toLowerCase();
  if (sub === undefined) return parsed({ kind: 'help' });
  return (
    parseHousekeeping(sub, rest, command) ??
    parseEntitySubcommand(sub, text, command) ??
    problem(command, `Unknown subcommand "${first!.slice(0, 40)}". Try one of: ${SUBCOMMANDS.join(', ')}.`)
  );
};

/** Any of the app's slash commands with its text, as Slack sends them (`command` includes the slash). */
export const parseSlashCommand = (command: string, rawText: string): ParsedRequest => {
  const name = command.trim().toLowerCase();
  if (rawText.length > MAX_TEXT) return problem(name, `That is ${rawText.length.toLocaleString('en-US')} characters; ask with a name or a few words.`);
  const text = cleanSlackQuery(rawText);
  switch (name) {
    case SlashCommands.owner:
      return parseOwnerQuery(text, name);
    case SlashCommands.deps:
      return parseDepsQuery(text, name);
    case SlashCommands.find:
      return parseFindQuery(text, name);
    case SlashCommands.oncall:
      return parseOnCallQuery(text, name);
    case SlashCommands.scorecard:
      return parseScorecardQuery(text, name);
    case SlashCommands.docs:
      return parseDocsQuery(text, name);
    case SlashCommands.callboard:
      return parseCallboardCommand(text, name);
    default:
      return problem(name, `Callboard has no ${name.slice(0, 40)} command.`);
  }
};
