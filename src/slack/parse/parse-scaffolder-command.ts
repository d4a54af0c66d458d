import { SlashCommands } from '../ids.ts';
import { cleanSlackText, splitWords } from './clean-slack-text.ts';

/**
 * The scaffolder's slash commands: `/create [words]` (also `/callboard create [words]`), `/callboard runs` and
 * `/callboard register <url>`. They need the command's trigger (a modal) or an admin check, so they are told apart
 * from the catalog questions before those are parsed; everything else is `undefined` and answered as before.
 */
export type ScaffolderCommand =
  | { kind: 'create'; words: string }
  | { kind: 'runs' }
  | { kind: 'register'; url: string }
  /** Scaffolder text that is not a command: what is wrong, in words. */
  | { kind: 'usage'; command: string; problem: string };

/** A URL as Slack sends it in a command: `<https://…>` or `<https://…|label>`, or typed bare. */
const unwrapUrl = (word: string): string => /^<([^<>|]+)(?:\|[^<>]*)?>$/.exec(word)?.[1] ?? word;

const parseRegister = (rest: readonly string[], named: string): ScaffolderCommand => {
  if (rest.length !== 1)
    return { kind: 'usage', command: named, problem: `Name one repository or catalog file, e.g. \`${named} https://github.com/acme/new-service\`.` };
  return { kind: 'register', url: unwrapUrl(rest[0]!) };
};

/** `/create …`, or a `/callboard create | runs | register` subcommand; undefined for any other command text. */
export const parseScaffolderCommand = (command: string, rawText: string): ScaffolderCommand | undefined => {
  const name = command.trim().toLowerCase();
  if (name === SlashCommands.create) return { kind: 'create', words: cleanSlackText(rawText).replace(/\s+/g, ' ') };
  if (name !== SlashCommands.callboard) return undefined;
  const [first, ...rest] = splitWords(rawText.trim());
  const sub = first?.toLowerCase();
  const named = `${name} ${sub ?? ''}`;
  if (sub === 'create') return { kind: 'create', words: cleanSlackText(rest.join(' ')).replace(/\s+/g, ' ') };
  if (sub === 'runs') return rest.length === 0 ? { kind: 'runs' } : { kind: 'usage', command: named, problem: `${named} takes no arguments.` };
  if (sub === 'register') return parseRegister(rest, named);
  return undefined;
};
