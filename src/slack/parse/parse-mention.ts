import { SlashCommands } from '../ids.ts';
import { cleanSlackQuery } from './clean-slack-text.ts';
import { entityRequest, parseDepth, parseFindQuery } from './parse-entity-query.ts';
import { parseOnCallQuery } from './parse-oncall-query.ts';
import { parseSlashCommand } from './parse-slash-command.ts';
import { QUESTIONS, UNFINISHED_QUESTIONS } from './question-patterns.ts';
import { parsed, problem, type ParsedRequest } from './slack-request.ts';

const MAX_TEXT = 4000;

/** Greetings and "can you tell me" before a question; "please", "thanks" and punctuation after it. */
const POLITE_START =
  /^(?:(?:hey|hi|hello|yo|ok|okay|so|um+|quick\s+question)[,!:.]*(?:\s+|$)|please\s+|(?:can|could|would)\s+(?:you|someone|anyone)\s+(?:please\s+)?(?:tell|show|remind)\s+me\s+|(?:do|does)\s+(?:you|anyone|anybody|someone)\s+know\s+|(?:tell|show|remind)\s+me\s+|i\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+know\s+|i\s+wonder\s+|any\s+idea\s+)/i;
const POLITE_END = /(?:[\s,]+(?:please|pls|plz|thanks|thank\s+you|thx|ty|cheers)|[\s?!.,;:]+)$/i;

/** Strips what people wrap a question in until nothing more comes off. */
const stripPoliteness = (text: string): string => {
  let current = text.trim();
  for (let previous = ''; previous !== current;) {
    previous = current;
    current = current.replace(POLITE_START, '').replace(POLITE_END, '').trim();
  }
  return current;
};

/** The noun phrase asked about, without "the", a possessive, quotes, markup or trailing punctuation. */
const cleanPhrase = (text: string): string => {
  let current = text.trim();
  for (let previous = ''; previous !== current;) {
    previous = current;
    current = current
      .replace(/^(?:the|our|this|that)\s+/i, '')
      .replace(/^[`*_"'(]+|[`*_"')?!.,;:]+$/g, '')
      .replace(/(?<=\S)'s?$/i, '')
      .trim();
  }
  return current;
};

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
  oncall: SlashCommands.oncall,
  'on-call': SlashCommands.oncall,
  docs: SlashCommands.callboard,
};

const DEPTH = /\s*--depth[=\s]+(\d+)/i;
/** A subject that points at something rather than naming it. */
const POINTING_WORD = /^(?:it|this|that|these|those|them)$/i;

const asQuestion = (text: string, depth: number | undefined): ParsedRequest | undefined => {
  for (const { pattern, intent } of QUESTIONS) {
    const phrase = cleanPhrase(pattern.exec(text)?.[1] ?? '');
    // "who owns this?" names nothing Callboard can see (the message above is the shortcut's job).
    if (!phrase || POINTING_WORD.test(phrase)) continue;
    switch (intent) {
      case 'search':
        // "find the owner of x", "show me the docs for x": a question inside a search is that question.
        return asQuestion(phrase, depth) ?? parseFindQuery(phrase, SlashCommands.find);
      case 'dependencies':
      case 'dependents': {
        const direction = intent === 'dependents' ? 'reverse' : 'forward';
        return entityRequest(SlashCommands.deps, phrase, (entity) => ({ kind: 'deps', entity, direction, ...(depth !== undefined ? { depth } : {}) }));
      }
      case 'oncall':
        // "who is on call for payments at 2026-12-07T09:00Z?" asks about a time, as /oncall does.
        return parseOnCallQuery(phrase, SlashCommands.callboard);
      default:
        return entityRequest(intent === 'owner' ? SlashCommands.owner : SlashCommands.callboard, phrase, (entity) => ({ kind: intent, entity }));
    }
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

/** "who owns?": the question is clear, only its subject is missing; ask for it in one line. */
const unfinishedQuestion = (question: string): ParsedRequest | undefined => {
  const unfinished = UNFINISHED_QUESTIONS.find(({ pattern }) => pattern.test(question));
  if (!unfinished) return undefined;
  const command = unfinished.intent === 'owner' ? SlashCommands.owner : unfinished.intent === 'dependents' ? SlashCommands.deps : SlashCommands.callboard;
  return problem(command, `About what? Name it, e.g. "${unfinished.example}"`);
};

/**
 * What someone asked by mentioning the app: a question (who owns, what depends on, what breaks if, who is
 * on call for, where are the docs for, find; see question-patterns.ts) about the whole noun phrase it names,
 * or a command without its slash (`deps X --reverse`). Greetings, "can you tell me", "please" and "thanks"
 * are dropped; the app's own mention too; an empty mention asks for help.
 */
export const parseMention = (rawText: string, botUserId?: string): ParsedRequest => {
  if (rawText.length > MAX_TEXT)
    return problem('', `That message is ${rawText.length.toLocaleString('en-US')} characters long; ask one short question, e.g. "who owns checkout-service?"`);
  const withoutBot = botUserId ? rawText.split(`<@${botUserId}>`).join(' ') : rawText.replace(/^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/, ' ');
  const text = cleanSlackQuery(withoutBot).replace(/^[,:\s]+/, '');
  if (text.length === 0) return parsed({ kind: 'help' });
  const depthText = DEPTH.exec(text)?.[1];
  const depth = depthText === undefined ? undefined : parseDepth(depthText);
  if (typeof depth === 'string') return problem(SlashCommands.deps, depth);
  const question = stripPoliteness(text.replace(DEPTH, ''));
  return (
    (question ? asQuestion(question, depth) : undefined) ??
    asCommand(text) ??
    unfinishedQuestion(question) ??
    problem('', `I did not understand "${text.slice(0, 100)}". Ask "who owns checkout-service?" or "what depends on orders-db?", or use a command.`)
  );
};
