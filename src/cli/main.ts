import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CallboardError } from '../core/errors.ts';
import { CliExit, type CliIo } from './cli-context.ts';

const parseWholeNumber = (min: number, max: number) => (value: string) => {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${value}"`);
  return number;
};

/** `--pattern a --pattern b`: each use adds one pattern (a variadic option would swallow the folder after it). */
const collectPattern = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

type CommandAction<Args extends unknown[]> = (io: CliIo) => (...args: Args) => Promise<void> | void;

/**
 * A command's module loads when that command runs: `owner` starts without the sync, the sources, the
 * validator, the job runner or Slack, which are most of what the program could load (`npm run bench`).
 */
const lazyAction =
  <Args extends unknown[]>(io: CliIo, load: () => Promise<CommandAction<Args>>) =>
  async (...args: Args) =>
    (await load())(io)(...args);

const queryCommands = () => import('./commands/query-commands.ts');

const configOption = () => new Option('--config <file>', 'callboard.yaml to use (default: ./callboard.yaml or $CALLBOARD_CONFIG)');

/** Builds the `callboard` program; commands write through `io` so tests run it in-process. */
export const createProgram = (io: CliIo): Command => {
  const program = new Command('callboard')
    .description('Callboard: a Backstage-compatible software catalog, from Git to SQLite to Slack.')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .showHelpAfterError('(run with --help for usage)');
  const command = (name: string, description: string) => program.command(name).description(description).addOption(configOption()).exitOverride();

  command('validate', 'lint catalog files as the catalog would read them; exit 1 on any error')
    .argument('<paths...>', 'catalog files or folders')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--pattern <glob>', 'which files to read in folders; repeat for several (default: **/catalog-info.yaml)', collectPattern)
    .option('--dangling', 'also warn about refs to entities not among these files')
    .action(lazyAction(io, async () => (await import('./commands/validate-command.ts')).validateCommand));
  command('sync', 'run one sync pass now and print what changed')
    .option('--json', 'print the summary as JSON')
    .action(lazyAction(io, async () => (await import('./commands/sync-command.ts')).syncCommand));
  command('sources', 'catalog sources (configured, registered, built in): where each reads from (git: transport and branch), last sync and its outcome')
    .option('--json', 'print JSON')
    .action(lazyAction(io, async () => (await import('./commands/sources-command.ts')).sourcesCommand));
  command('register', 'add a repository or catalog file as a catalog source kept in the database, and sync it now')
    .argument('<url>', 'a Git URL, https://github.com/<owner>/<repo>, a …/blob/<branch>/catalog-info.yaml URL, or an absolute local path')
    .option('--json', 'print JSON: { id, url, type, registeredBy, registeredAt, created, entityRefs }')
    .action(lazyAction(io, async () => (await import('./commands/register-command.ts')).registerCommand));
  command('unregister', 'remove a registered source and its entities (ids: callboard sources)')
    .argument('<id>', 'the id of a registered source, e.g. registered:github.com/acme/payments')
    .action(lazyAction(io, async () => (await import('./commands/register-command.ts')).unregisterCommand));
  command('entity', 'show one entity (with --json: as the Backstage catalog API returns it)')
    .argument('<ref>', 'an entity ref or name, e.g. checkout-service or component:default/checkout-service')
    .option('--json', 'print JSON')
    .action(lazyAction(io, async () => (await queryCommands()).entityCommand));
  command('entities', 'list every entity')
    .option('--kind <kind>', 'only this kind, e.g. Component')
    .option('--json', 'print a JSON array of entities')
    .action(lazyAction(io, async () => (await queryCommands()).entitiesCommand));
  command('owner', 'who owns an entity, with contacts and members')
    .argument('<ref>', 'entity ref or name')
    .option('--json', 'print JSON')
    .action(lazyAction(io, async () => (await queryCommands()).ownerCommand));
  command('deps', 'what an entity depends on; with --reverse, what depends on it (blast radius)')
    .argument('<ref>', 'entity ref or name')
    .option('--depth <n>', 'how many hops to follow (default: every hop, up to 5,000 entities)', parseWholeNumber(1, 20))
    .option('--reverse', 'show dependents instead of dependencies')
    .option('--json', 'print JSON')
    .action(lazyAction(io, async () => (await queryCommands()).depsCommand));
  command('oncall', 'who is on call for an entity or team, now (or at --at) and next, per escalation level; exit 1 when it cannot be told')
    .argument('<ref>', 'entity ref or name, e.g. payments-api or group:default/payments-team')
    .option('--at <time>', 'an ISO 8601 instant, e.g. 2026-12-07T09:00Z (UTC unless it carries an offset)')
    .option('--json', 'print JSON: { entityRef, provider, levels: [{ level, name, now: [...], next: [...] }] }')
    .action(lazyAction(io, async () => (await import('./commands/oncall-command.ts')).onCallCommand));
  command('scorecard', "scorecard levels: an entity's rules and what its next level needs, a team's entities ranked, or a scorecard's level distribution")
    .argument('<ref>', 'entity, team or scorecard ref or name, e.g. payments-api, group:default/payments-team or scorecard:production-readiness')
    .option('--json', 'print JSON; for an entity: [{ scorecard, entityRef, level, passed, total, rules, next }]')
    .action(lazyAction(io, async () => (await import('./commands/scorecard-command.ts')).scorecardCommand));
  // `callboard docs <entity> [words]` and its subcommand `callboard docs build [<entity>]`: a first word naming the
  // subcommand goes to it. Options after `build` (--json, --config) are parsed as `docs`'s own: build reads them all.
  const docs = command('docs', "an entity's docs site and, with words, its best matching sections, linked to their headings (as /docs in Slack)")
    .argument('<entity>', 'entity ref or name, e.g. payments-api')
    .argument('[words...]', 'words to find sections with, e.g. provider outage')
    .option('--json', 'print JSON: { entityRef, url, siteName, builtAt, commit, hits: [{ page, title, heading, anchor, url, snippet }] }')
    .action(lazyAction(io, async () => (await import('./commands/docs.ts')).docsCommand));
  docs
    .command('build')
    .description(
      "build now the docs whose content changed (every documented entity's, or one's) and print pages, warnings and time; exit 1 when a build failed",
    )
    .argument('[entity]', 'only this entity, e.g. payments-api')
    .exitOverride()
    .action(async (entity: string | undefined, _options: unknown, build: Command) =>
      (await import('./commands/docs-build-command.ts')).docsBuildCommand(io)(entity, build.optsWithGlobals()),
    );
  command('search', 'full-text search over names, titles, descriptions, tags and owners')
    .argument('<query...>', 'words to look for; prefixes match')
    .option('--kind <kind>', 'only this kind')
    .option('--limit <n>', 'at most this many results', parseWholeNumber(1, 200), 20)
    .option('--json', 'print JSON')
    .action(lazyAction(io, async () => (await queryCommands()).searchCommand));
  command('errors', 'catalog problems: invalid files, conflicts, unreachable sources, dangling refs')
    .addOption(new Option('--severity <severity>', 'only errors or only warnings').choices(['error', 'warning']))
    .option('--json', 'print a JSON array')
    .action(lazyAction(io, async () => (await import('./commands/errors-command.ts')).errorsCommand));
  command('jobs', 'scheduled jobs: schedule and time zone, last run and its result, next run')
    .option('--json', 'print JSON')
    .action(lazyAction(io, async () => (await import('./commands/jobs-command.ts')).jobsCommand));
  command('schedules', 'scheduled posts: what is posted where and when, the next slot, the last post, and why one is failing')
    .option('--json', 'print JSON')
    .action(lazyAction(io, async () => (await import('./commands/schedules-command.ts')).schedulesCommand));
  command('post', "post a schedule's message now (needs SLACK_BOT_TOKEN); it consumes no slot")
    .argument('<schedule-id>', 'a schedule id from `callboard schedules`, e.g. readiness-weekly')
    .action(lazyAction(io, async () => (await import('./commands/post-command.ts')).postCommand));
  command('templates', 'software templates in the catalog: ref, title, type, owner, tags, and whether each can run (and why not)')
    .option('--as <user>', 'also list the templates this catalog User may run (callboard.dev/allowed-groups), e.g. user:default/alice')
    .option('--json', 'print JSON')
    .action(lazyAction(io, async () => (await import('./commands/templates-command.ts')).templatesCommand));
  command('scaffold', 'run a software template (local Git host, or GitHub with GITHUB_TOKEN); --dry-run renders its files without creating anything')
    .argument('<template>', 'template name or ref, e.g. typescript-service (callboard templates lists them)')
    .option('--values <file>', 'YAML or JSON file of the parameter values; - reads stdin')
    .option('--as <user>', 'run as this catalog User (user.ref and user.entity in the template), e.g. user:default/alice')
    .option('--dry-run', 'render what the fetch steps produce and list the other steps, without running them')
    .option('--out <dir>', 'with --dry-run: write the rendered files into this new or empty folder')
    .option('--json', 'print JSON: { id, status, steps, output, entityRef } (with --dry-run: the preview)')
    .action(lazyAction(io, async () => (await import('./commands/scaffold-command.ts')).scaffoldCommand));
  command('runs', 'scaffolder runs, newest first: template and version, who, when, values (never secrets), steps and links')
    .option('--template <ref>', 'only runs of this template')
    .option('--limit <n>', 'at most this many runs', parseWholeNumber(1, 1000), 50)
    .option('--json', 'print JSON')
    .action(lazyAction(io, async () => (await import('./commands/runs-command.ts')).runsCommand));
  command('ask', 'ask what you would ask in Slack, e.g. "/owner checkout-service" or "who owns payments-api?"; prints the reply')
    .argument('<text>', 'a slash command with its text, or a question as you would @mention the app')
    .option('--user-email <email>', 'answer as the Slack user with this email (for /callboard whoami, errors, sync)')
    .option('--json', 'print the Slack message: { response_type, text, blocks }')
    .action(lazyAction(io, async () => (await import('./commands/ask-command.ts')).askCommand));
  return program;
};

/** Runs the CLI and returns the exit code: 0 fine, 1 problems found, 2 bad usage. */
export const runCli = async (argv: string[], io: CliIo): Promise<number> => {
  try {
    await createProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.message) io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CallboardError) {
      io.err(error.message);
      return error.code === 'invalid_input' ? 2 : 1;
    }
    throw error;
  }
};
