import { SlashCommands } from '../ids.ts';
import { cleanSlackText, unwrapName } from './clean-slack-text.ts';
import { parseSlashCommand } from './parse-slash-command.ts';
import { parsed, problem, type ParsedRequest } from './slack-request.ts';

const MAX_TEXT = 4000;
const NAME = String.raw`(?:the\s+)?(\S+?)`;
const END = String.raw`(?:\s+(.*))?$`;

/** Plain-English questions, each mapped to the request a slash command would make. */
const QUESTIONS: ReadonlyArray<{ pattern: RegExp; kind: 'owner' | 'forward' | 'reverse' }> = [
  { pattern: new RegExp(String.raw`^(?:who|which\s+team)\s+owns\s+${NAME}\??${END}`, 'i'), kind: 'owner' },
  { pattern: new RegExp(String.raw`^(?:who(?:'s|\s+is)\s+(?:the\s+)?)?owners?\s+(?:of|for)\s+${NAME}\??${END}`, 'i'), kind: 'owner' },
  { pattern: new RegExp(String.raw`^whose\s+is\s+${NAME}\??${END}`, 'i'), kind: 'owner' },
  { pattern: new RegExp(String.raw`^(?:what|who)\s+(?:depends|relies)\s+on\s+${NAME}\??${END}`, 'i'), kind: 'reverse' },
  { pattern: new RegExp(String.raw`^(?:what|who)\s+(?:uses|consumes|calls)\s+${NAME}\??${END}`, 'i'), kind: 'reverse' },
  { pattern: new RegExp(String.raw`^(?:what(?:'s|\s+is)\s+)?(?:the\s+)?blast\s+radius\s+(?:of|for)\s+${NAME}\??${END}`, 'i'), kind: 'reverse' },
  { pattern: new RegExp(String.raw`^what\s+does\s+${NAME}\s+(?:depend|rely)\s+on\??${END}`, 'i'), kind: 'forward' },
  { pattern: new RegExp(String.raw`^(?:dependencies|deps)\s+(?:of|for)\s+${NAME}\??${END}`, 'i'), kind: 'forward' },
];

/** Command words a mention may start with (`@callboard deps x --reverse`), with or without the slash. */
const COMMAND_WORDS: Record<string, string> = {
  owner: SlashCommands.owner,
  deps: SlashCommands.deps,
  find: SlashCommands.find,
  search: SlashCommands.find,
  callboard: SlashCommands.callboard,
  help: SlashCommands.callboard,
  errors: SlashCommands.callboard,
  problems: SlashCommands.callboard,
  sync: SlashCommands.callboard,
  whoami: SlashCommands.callboard,
};

const DEPTH = /--depth[=\s]+(\d+)/i;

const asQuestion = (text: string): ParsedRequest | undefined => {
  for (const { pattern, kind } of QUESTIONS) {
    const match = pattern.exec(text);
    const entity = match?.[1] ? unwrapName(match[1]) : '';
    if (!match || !entity) continue;
    if (kind === 'owner') return parseSlashCommand(SlashCommands.owner, entity);
    const depth = DEPTH.exec(match[2] ?? '')?.[1];
    return parseSlashCommand(SlashCommands.deps, `${entity}${kind === 'reverse' ? ' --reverse' : ''}${depth ? ` --depth ${depth}` : ''}`);
  }
  return undefined;
};

const asCommand = (text: string): ParsedRequest | undefined => {
  const [, word = '', rest = ''] = /^\/?(\S+)\s*([\s\S]*)$/.exec(text) ?? [];
  const command = COMMAND_WORDS[word.toLowerCase()];
  if (!command) return undefined;
  // `@callboard errors x` reads as `/callboard errors x`; `@callboard callboard sync` too.
  const keepWord = command === SlashCommands.callboard && word.toLowerCase() !== 'callboard';
  return parseSlashCommand(command, keepWord ? `${word} ${rest}` : rest);
};

/**
 * What someone asked by mentioning the app: `who owns X?`, `what depends on X?`, `what does X
 * depend on?`, or a command without its slash (`deps X --reverse`). The app's own mention is
 * dropped; an empty mention asks for help.
 */
export const parseMention = (rawText: string, botUserId?: string): ParsedRequest => {
  if (rawText.length > MAX_TEXT)
    return problem('', `That message is ${rawText.length.toLocaleString('en-US')} characters long; ask one short question, e.g. "who owns checkout-service?"`);
  const withoutBot = botUserId ? rawText.split(`<@${botUserId}>`).join(' ') : rawText.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/, ' ');
  const text = cleanSlackText(withoutBot).replace(/^[,:\s]+/, '');
  if (text.length === 0) return parsed({ kind: 'help' });
  return (
    asQuestion(text) ??
    asCommand(text) ??
    problem('', `I did not understand "${text.slice(0, 100)}". Ask "who owns checkout-service?" or "what depends on orders-db?", or use a command.`)
  );
};
