import { SlashCommands } from '../ids.ts';
import { cleanSlackText, splitWords, unwrapName } from './clean-slack-text.ts';
import { parseDepsQuery, parseFindQuery, parseOwnerQuery } from './parse-entity-query.ts';
import { parsed, problem, type ParsedRequest } from './slack-request.ts';

/** Slack allows 4,000 characters after a command; more than this is a paste, not a question. */
const MAX_TEXT = 4000;

const SUBCOMMANDS = ['help', 'errors', 'sync', 'whoami'] as const;

/** `/callboard help | errors [team] | sync | whoami`; nothing at all means help. */
export const parseCallboardCommand = (text: string, command: string = SlashCommands.callboard): ParsedRequest => {
  const [first, ...rest] = splitWords(text);
  const sub = first?.toLowerCase();
  if (sub === undefined || sub === 'help' || sub === '?') return parsed({ kind: 'help' });
  if (sub === 'errors' || sub === 'problems') {
    const team = rest.map(unwrapName).filter((word) => word.length > 0);
    if (team.length > 1) return problem(command, 'Name one team, e.g. `/callboard errors checkout-team`.');
    return parsed(team[0] ? { kind: 'errors', team: team[0] } : { kind: 'errors' });
  }
  if (rest.length === 0 && (sub === 'sync' || sub === 'whoami')) return parsed({ kind: sub });
  if (sub === 'sync' || sub === 'whoami') return problem(command, `${command} ${sub} takes no arguments.`);
  return problem(command, `Unknown subcommand "${first!.slice(0, 40)}". Try one of: ${SUBCOMMANDS.join(', ')}.`);
};

/** Any of the app's slash commands with its text, as Slack sends them (`command` includes the slash). */
export const parseSlashCommand = (command: string, rawText: string): ParsedRequest => {
  const name = command.trim().toLowerCase();
  if (rawText.length > MAX_TEXT) return problem(name, `That is ${rawText.length.toLocaleString('en-US')} characters; ask with a name or a few words.`);
  const text = cleanSlackText(rawText);
  switch (name) {
    case SlashCommands.owner:
      return parseOwnerQuery(text, name);
    case SlashCommands.deps:
      return parseDepsQuery(text, name);
    case SlashCommands.find:
      return parseFindQuery(text, name);
    case SlashCommands.callboard:
      return parseCallboardCommand(text, name);
    default:
      return problem(name, `Callboard has no ${name.slice(0, 40)} command.`);
  }
};
