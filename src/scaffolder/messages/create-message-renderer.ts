import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { InvalidInputError } from '../../core/errors.ts';
import { messageHelpers } from './message-helpers.ts';
import { isMessageName, MESSAGE_NAMES, type MessageName } from './message-names.ts';

/** templates/messages/ at the top of the repository (and of the installed package). */
export const defaultMessagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../templates/messages');

export interface MessageRenderer {
  /** A mrkdwn fragment for a Slack block. Every string in `data` is escaped first (`&`, `<`, `>`). */
  renderMessage(name: MessageName, data: Record<string, unknown>): string;
}

/** The three characters Slack reads as markup: `<!channel>`, `<@U1>` and links cannot come from data. */
const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const escapeDeep = (value: unknown): unknown => {
  if (typeof value === 'string') return escapeMrkdwn(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, escapeDeep(inner)]));
  return value;
};

// Data is escaped for Slack before rendering, so handlebars' HTML escaping (which would show `&#x27;`) is off, and
// only known helpers may be called: a typo in an override fails at start-up instead of at the first run.
const compileOptions = {
  noEscape: true,
  strict: false,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(messageHelpers).map((name) => [name, true])),
};

type Compiled = (data: Record<string, unknown>) => string;

const compileFile = (handlebars: typeof Handlebars, path: string, origin: string): Compiled => {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(
      `${origin}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); point it at a handlebars file`,
    );
  }
  try {
    handlebars.precompile(source, compileOptions);
  } catch (error) {
    throw new InvalidInputError(`${origin}: ${path} is not a usable handlebars template: ${(error as Error).message.split('\n').join(' ')}`);
  }
  return handlebars.compile(source, compileOptions);
};

/**
 * Loads Callboard's message templates: the shipped ones in templates/messages/, each replaceable by a file named
 * in `scaffolder.messages.<name>` (absolute paths, as load-config resolves them). A missing, unreadable or broken
 * file, or a name Callboard does not send, fails here, at start-up, naming the config key.
 */
export const createMessageRenderer = (overrides: Readonly<Record<string, string>> = {}, options: { defaultsDir?: string } = {}): MessageRenderer => {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(messageHelpers);
  for (const name of Object.keys(overrides)) {
    if (!isMessageName(name))
      throw new InvalidInputError(`scaffolder.messages.${name}: Callboard sends no message called ${name}; the names are ${MESSAGE_NAMES.join(', ')}`);
  }
  const defaultsDir = options.defaultsDir ?? defaultMessagesDir;
  const templates = new Map<MessageName, Compiled>(
    MESSAGE_NAMES.map((name) => {
      const override = overrides[name];
      const compiled = override
        ? compileFile(handlebars, override, `scaffolder.messages.${name}`)
        : compileFile(handlebars, join(defaultsDir, `${name}.hbs`), `the shipped message ${name}`);
      return [name, compiled];
    }),
  );
  return {
    renderMessage: (name, data) => {
      const template = templates.get(name);
      if (!template) throw new InvalidInputError(`no message template ${name}; the names are ${MESSAGE_NAMES.join(', ')}`);
      try {
        return template(escapeDeep(data) as Record<string, unknown>).trim();
      } catch (error) {
        throw new Error(`rendering the ${name} message failed: ${(error as Error).message} (scaffolder.messages.${name})`, { cause: error });
      }
    },
  };
};
