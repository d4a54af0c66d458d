import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// js-yaml rather than yaml for this one small file: every CLI command reads it, and js-yaml loads in about
// 30 ms less (`npm run bench`, start-up step). Both read YAML 1.2's core schema.
import { load as parseYaml } from 'js-yaml';
import { InvalidInputError } from '../core/errors.ts';
import { describeGitTransport, redactUrl } from '../sources/git/git-remote-url.ts';
import { formatConfigIssues } from './format-config-issues.ts';
import { configFileSchema, type ConfigFile, type SourceConfigInput } from './schema.ts';

/** The folder Callboard is installed in: where the bundled example org lives. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A configured source: what the file says, with its id filled in and its path or URL resolved. */
export type SourceConfig = SourceConfigInput & { id: string };
export type DirSourceConfig = Extract<SourceConfig, { type: 'dir' }>;
export type GitSourceConfig = Extract<SourceConfig, { type: 'git' }>;
export type GithubSourceConfig = Extract<SourceConfig, { type: 'github' }>;

/** Secrets and endpoints of the Slack app: only ever from the environment. */
interface SlackEnvironment {
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  /** Base URL of the Slack Web API (`SLACK_API_URL`), e.g. a test fake. */
  apiUrl?: string;
}

export type SlackConfig = ConfigFile['slack'] & SlackEnvironment;

/**
 * The validated configuration. Its shape is the file schema's (src/config/schema.ts), so a new key is one
 * edit there; only what the environment adds or what is resolved against the file's folder is spelled out.
 */
/** On-call settings from the file, with the PagerDuty token and API address from the environment. */
export type OnCallConfig = ConfigFile['oncall'] & {
  pagerduty: ConfigFile['oncall']['pagerduty'] & {
    /** `PAGERDUTY_TOKEN`: without it there are no PagerDuty lookups (rotations still answer). */
    token?: string;
    /** `PAGERDUTY_API_URL`: the REST API's base URL, e.g. a test fake; default the public API. */
    apiUrl?: string;
  };
};

export type Config = Omit<ConfigFile, 'database' | 'catalog' | 'slack' | 'scaffolder' | 'oncall'> & {
  /** The file the configuration came from; undefined when the built-in defaults are in use. */
  file: string | undefined;
  database: {
    path: string;
    /** Where the path came from, for messages: `CALLBOARD_DB`, `database.path in /srv/callboard.yaml`, or the default. */
    origin: string;
  };
  catalog: Omit<ConfigFile['catalog'], 'sources'> & { sources: SourceConfig[]; cacheDir: string };
  github: { token?: string; apiUrl?: string; webhookSecret?: string };
  /** The Slack app: settings from the file, tokens from the environment. */
  slack: SlackConfig;
  /** Folders resolved: workspaces and the local Git host against the database's folder, message files against the config file's. */
  scaffolder: ConfigFile['scaffolder'] & { templatesDir: string };
  oncall: OnCallConfig;
};

export interface LoadConfigOptions {
  /** Explicit config file (the CLI's --config); wins over CALLBOARD_CONFIG. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Used when no callboard.yaml exists: the bundled example org, so a first run has something to show. */
const builtinDefaults = { catalog: { sources: [{ type: 'dir', path: 'examples/acme', patterns: ['**/catalog-info.yaml'] }] } };

/** A remote git reads as a URL (`scheme://`, `user@host:path`, `host:path`), not a path to resolve here; git's own rule. */
const looksLikeUrl = (value: string): boolean => describeGitTransport(value) !== 'local path';

const describeSourceId = (source: SourceConfigInput): string => {
  if (source.id) return source.id;
  if (source.type === 'dir') return `dir:${source.path}`;
  if (source.type === 'git') return `git:${redactUrl(source.url)}${source.branch ? `#${source.branch}` : ''}`;
  return `github:${source.org}`;
};

const resolveSource = (source: SourceConfigInput, baseDir: string): SourceConfig => {
  const id = describeSourceId(source);
  if (source.type === 'dir') return { ...source, id, path: resolve(baseDir, source.path) };
  if (source.type === 'git') {
    const url = looksLikeUrl(source.url) || isAbsolute(source.url) ? source.url : resolve(baseDir, source.url);
    return { ...source, id, url };
  }
  return { ...source, id };
};

const readConfigFile = (file: string): unknown => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(`Cannot read config file ${file}: ${(error as Error).message}`);
  }
  try {
    return parseYaml(text) ?? {};
  } catch (error) {
    throw new InvalidInputError(`${file} is not valid YAML: ${(error as Error).message}`);
  }
};

const findConfigFile = (options: LoadConfigOptions, env: NodeJS.ProcessEnv, cwd: string): string | undefined => {
  const named = options.file ?? env.CALLBOARD_CONFIG;
  if (named) {
    const file = resolve(cwd, named);
    if (!existsSync(file)) throw new InvalidInputError(`Config file ${file} does not exist (named by ${options.file ? '--config' : 'CALLBOARD_CONFIG'}).`);
    return file;
  }
  const conventional = resolve(cwd, 'callboard.yaml');
  return existsSync(conventional) ? conventional : undefined;
};

/** Reads callboard.yaml (or CALLBOARD_CONFIG), validates it and applies environment overrides. Secrets come only from env. */
export const loadConfig = (options: LoadConfigOptions = {}): Config => {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = findConfigFile(options, env, cwd);
  const raw = file ? readConfigFile(file) : builtinDefaults;
  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = formatConfigIssues(parsed.error.issues, raw);
    throw new InvalidInputError(`Invalid configuration in ${file ?? 'built-in defaults'}:\n  ${lines.join('\n  ')}`);
  }
  const baseDir = file ? dirname(file) : packageRoot;
  const { database, catalog, slack, http, scaffolder, oncall, ...rest } = parsed.data;
  const databasePath = resolve(cwd, env.CALLBOARD_DB || resolve(baseDir, database.path));
  return {
    ...rest,
    file,
    database: { path: databasePath, origin: describeDatabaseOrigin(env, file) },
    catalog: {
      ...catalog,
      sources: catalog.sources.map((source) => resolveSource(source, baseDir)),
      cacheDir: resolve(dirname(databasePath), 'sources'),
    },
    github: { token: env.GITHUB_TOKEN || undefined, apiUrl: env.GITHUB_API_URL || undefined, webhookSecret: env.GITHUB_WEBHOOK_SECRET || undefined },
    slack: { ...slack, ...slackSecrets(env) },
    scaffolder: {
      ...scaffolder,
      workspaceDir: resolve(dirname(databasePath), scaffolder.workspaceDir),
      localGitHost: resolve(dirname(databasePath), scaffolder.localGitHost),
      messages: Object.fromEntries(Object.entries(scaffolder.messages).map(([name, path]) => [name, resolve(baseDir, path)])),
      // The golden paths and message templates ship with Callboard, beside src/.
      templatesDir: resolve(packageRoot, 'templates'),
    },
    http: { ...http, port: readPort(env.PORT, http.port) },
    // Scheduled posts' message files, like scaffolder.messages: relative to this config file.
    postMessages: Object.fromEntries(Object.entries(rest.postMessages).map(([name, path]) => [name, resolve(baseDir, path)])),
    oncall: { ...oncall, pagerduty: { ...oncall.pagerduty, ...pagerdutySecrets(env) } },
  };
};

const pagerdutySecrets = (env: NodeJS.ProcessEnv): { token?: string; apiUrl?: string } => ({
  ...(env.PAGERDUTY_TOKEN ? { token: env.PAGERDUTY_TOKEN } : {}),
  ...(env.PAGERDUTY_API_URL ? { apiUrl: readApiUrl('PAGERDUTY_API_URL', env.PAGERDUTY_API_URL) } : {}),
});

/** An API base URL from the environment: http(s) only, so a typo fails at start-up naming the variable. */
const readApiUrl = (name: string, value: string): string => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new InvalidInputError(`${name}: got "${value.slice(0, 80)}" — expected an http(s) URL such as https://api.pagerduty.com`);
  return value.replace(/\/+$/, '');
};

const describeDatabaseOrigin = (env: NodeJS.ProcessEnv, file: string | undefined): string => {
  if (env.CALLBOARD_DB) return 'CALLBOARD_DB';
  return file ? `database.path in ${file}` : 'the built-in default database.path';
};

const slackSecrets = (env: NodeJS.ProcessEnv): SlackEnvironment => {
  const secrets: SlackEnvironment = {};
  if (env.SLACK_BOT_TOKEN) secrets.botToken = env.SLACK_BOT_TOKEN;
  if (env.SLACK_SIGNING_SECRET) secrets.signingSecret = env.SLACK_SIGNING_SECRET;
  if (env.SLACK_APP_TOKEN) secrets.appToken = env.SLACK_APP_TOKEN;
  if (env.SLACK_API_URL) secrets.apiUrl = env.SLACK_API_URL;
  return secrets;
};

const readPort = (value: string | undefined, fromFile: number): number => {
  if (value === undefined || value === '') return fromFile;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) throw new InvalidInputError(`PORT: got "${value}" — expected a port number from 0 to 65535`);
  return port;
};
