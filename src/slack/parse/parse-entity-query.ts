import { maxDependencyDepth, type DependencyDirection } from '../../core/graph/dependency-edges.ts';
import { splitWords, unwrapName } from './clean-slack-text.ts';
import { parsed, problem, type ParsedRequest, type SlackRequest } from './slack-request.ts';

/** Longer than any entity ref can be (kind, namespace and name are each at most 63 characters). */
const MAX_REF_LENGTH = 255;

/** More words than any entity's name or title: a sentence to search with, not a name. */
const MAX_PHRASE_WORDS = 12;

/**
 * The search command to suggest beside `command`: `/callboard find` after a `/callboard` subcommand, since a
 * workspace using manifests/manifest.callboard-only.yml has no `/find`.
 */
const findCommandBeside = (command: string): string => (command.startsWith('/callboard') ? '/callboard find' : '/find');

/**
 * What is wrong with the words naming an entity, if anything. A name, a title ("Checkout Service"), a kind
 * word ("payments api") or a link are all fine: the resolver decides what they name.
 */
const nameProblem = (command: string, words: readonly string[]): string | undefined => {
  if (words.length === 0) return `Name an entity after ${command}, e.g. \`${command} checkout-service\`.`;
  const phrase = words.join(' ');
  if (phrase.length > MAX_REF_LENGTH) return `That is ${phrase.length.toLocaleString('en-US')} characters long; entity refs are at most ${MAX_REF_LENGTH}.`;
  if (words.length > MAX_PHRASE_WORDS)
    return `That is ${words.length} words; name one entity (its name, title or a link), or search with ${findCommandBeside(command)} ${words.slice(0, 5).join(' ').slice(0, 80)}`;
  return undefined;
};

/** A request about the entity `phrase` names, or the problem with the phrase. */
export const entityRequest = (command: string, phrase: string, request: (entity: string) => SlackRequest): ParsedRequest => {
  // A comma between names is kept ("who owns checkout-service, orders-db?" asks about two things).
  const words = splitWords(phrase)
    .map((word, index, all) => `${unwrapName(word)}${index < all.length - 1 && /,$/.test(word) ? ',' : ''}`)
    .filter((word) => word.length > 0 && word !== ',');
  const wrong = nameProblem(command, words);
  return wrong ? problem(command, wrong) : parsed(request(words.join(' ')));
};

/** `/owner <name, title, ref or link>`, cleaned of the quotes and markup people paste around it. */
export const parseOwnerQuery = (text: string, command = '/owner'): ParsedRequest => entityRequest(command, text, (entity) => ({ kind: 'owner', entity }));

const DEPTH_FLAG = /^(?:--depth|-d)(?:=(.*))?$/;

export const parseDepth = (value: string | undefined): number | string => {
  if (value === undefined || value === '') return `--depth needs a number from 1 to ${maxDependencyDepth}, e.g. --depth 3.`;
  const depth = Number(value);
  if (!/^\d+$/.test(value) || depth < 1 || depth > maxDependencyDepth)
    return `--depth must be a whole number from 1 to ${maxDependencyDepth}, got "${value.slice(0, 20)}".`;
  return depth;
};

/** `/deps <name, title, ref or link> [--reverse] [--depth N]`, flags anywhere; unknown flags are named, not ignored. */
export const parseDepsQuery = (text: string, command = '/deps'): ParsedRequest => {
  const words = splitWords(text);
  const names: string[] = [];
  let direction: DependencyDirection = 'forward';
  // No --depth: every hop, the whole graph (within the walk's node budget).
  let depth: number | undefined;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const depthFlag = DEPTH_FLAG.exec(word);
    if (word === '--reverse' || word === '-r') direction = 'reverse';
    else if (depthFlag) {
      const value = depthFlag[1] ?? words[++index];
      const result = parseDepth(value);
      if (typeof result === 'string') return problem(command, result);
      depth = result;
    } else if (word.startsWith('-') && word.length > 1) return problem(command, `Unknown option "${word.slice(0, 40)}". Options are --reverse and --depth N.`);
    else if (unwrapName(word)) names.push(unwrapName(word));
  }
  const wrong = nameProblem(command, names);
  return wrong ? problem(command, wrong) : parsed({ kind: 'deps', entity: names.join(' '), direction, ...(depth !== undefined ? { depth } : {}) });
};

/** `/docs <entity> [words]`, or `/docs` alone for the asker's teams' docs. */
export const parseDocsQuery = (text: string, command = '/docs'): ParsedRequest =>
  splitWords(text).some((word) => unwrapName(word).length > 0)
    ? entityRequest(command, text, (entity) => ({ kind: 'docs', entity }))
    : parsed({ kind: 'team-docs' });

const MAX_QUERY_LENGTH = 200;

/** `/find <words>`: a few words; an essay gets a hint rather than a search nobody can read. */
export const parseFindQuery = (text: string, command = '/find'): ParsedRequest => {
  const query = splitWords(text).join(' ');
  if (query.length === 0) return problem(command, `Say what to look for, e.g. \`${findCommandBeside(command)} payments\`.`);
  if (query.length > MAX_QUERY_LENGTH)
    return problem(command, `That is ${query.length.toLocaleString('en-US')} characters; search with a few words (at most ${MAX_QUERY_LENGTH} characters).`);
  return parsed({ kind: 'find', query });
};
