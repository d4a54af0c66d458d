import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { InvalidInputError } from '../core/errors.ts';
import { messageHelpers } from '../scaffolder/messages/message-helpers.ts';

/**
 * Callboard's own messages as handlebars files (templates/messages/<name>.hbs), each replaceable by a file named
 * in the configuration. Shared by the scaffolder's run messages (`scaffolder.messages`) and scheduled posts
 * (`postMessages`): one loader, one escaping rule, one set of helpers.
 */

/** templates/messages/ at the top of the repository (and of the installed package). */
export const defaultMessagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates/messages');

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

export interface MessageTemplateOptions<Name extends string> {
  /** The messages this set renders; an override naming another is refused. */
  names: readonly Name[];
  /** Absolute paths of replacement files, by message name. */
  overrides: Readonly<Record<string, string>>;
  /** The config key an override is written under, for messages: `scaffolder.messages`. */
  configKey: string;
  defaultsDir?: string;
}

export interface MessageTemplates<Name extends string> {
  /** A mrkdwn fragment. Every string in `data` is escaped first (`&`, `<`, `>`). */
  render(name: Name, data: Record<string, unknown>): string;
}

/**
 * Compiles every message of the set now, so a missing, unreadable or broken file, or an override naming a message
 * the set does not have, fails at start-up naming the config key.
 */
export const loadMessageTemplates = <Name extends string>(options: MessageTemplateOptions<Name>): MessageTemplates<Name> => {
  const { names, overrides, configKey } = options;
  const handlebars = Handlebars.create();
  handlebars.registerHelper(messageHelpers);
  for (const name of Object.keys(overrides)) {
    if (!(names as readonly string[]).includes(name))
      throw new InvalidInputError(`${configKey}.${name}: Callboard sends no message called ${name}; the names are ${names.join(', ')}`);
  }
  const defaultsDir = options.defaultsDir ?? defaultMessagesDir;
  const templates = new Map<string, Compiled>(
    names.map((name) => {
      const override = overrides[name];
      const compiled = override
        ? compileFile(handlebars, override, `${configKey}.${name}`)
        : compileFile(handlebars, join(defaultsDir, `${name}.hbs`), `the shipped message ${name}`);
      return [name, compiled];
    }),
  );
  return {
    render: (name, data) => {
      const template = templates.get(name);
      if (!template) throw new InvalidInputError(`no message template ${name}; the names are ${names.join(', ')}`);
      try {
        return template(escapeDeep(data) as Record<string, unknown>).trim();
      } catch (error) {
        throw new Error(`rendering the ${name} message failed: ${(error as Error).message} (${configKey}.${name})`, { cause: error });
      }
    },
  };
};
