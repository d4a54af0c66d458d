import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CallboardError } from '../core/errors.ts';
import { CliExit, type CliIo } from './cli-context.ts';
import { errorsCommand } from './commands/errors-command.ts';
import { jobsCommand } from './commands/jobs-command.ts';
import { depsCommand, entitiesCommand, entityCommand, ownerCommand, searchCommand } from './commands/query-commands.ts';
import { syncCommand } from './commands/sync-command.ts';
import { collectPattern, validateCommand } from './commands/validate-command.ts';

const parseWholeNumber = (min: number, max: number) => (value: string) => {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${value}"`);
  return number;
};

type AskAction = ReturnType<typeof import('./commands/ask-command.ts').askCommand>;

/** The Slack handlers, views and their logger load only for `ask`: every other command starts without them. */
const askAction =
  (io: CliIo) =>
  async (...args: Parameters<AskAction>) =>
    (await import('./commands/ask-command.ts')).askCommand(io)(...args);

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
    .action(validateCommand(io));
  command('sync', 'run one sync pass now and print what changed').option('--json', 'print the summary as JSON').action(syncCommand(io));
  command('entity', 'show one entity (with --json: as the Backstage catalog API returns it)')
    .argument('<ref>', 'an entity ref or name, e.g. checkout-service or component:default/checkout-service')
    .option('--json', 'print JSON')
    .action(entityCommand(io));
  command('entities', 'list every entity')
    .option('--kind <kind>', 'only this kind, e.g. Component')
    .option('--json', 'print a JSON array of entities')
    .action(entitiesCommand(io));
  command('owner', 'who owns an entity, with contacts and members')
    .argument('<ref>', 'entity ref or name')
    .option('--json', 'print JSON')
    .action(ownerCommand(io));
  command('deps', 'what an entity depends on; with --reverse, what depends on it (blast radius)')
    .argument('<ref>', 'entity ref or name')
    .option('--depth <n>', 'how many hops to follow', parseWholeNumber(1, 20), 3)
    .option('--reverse', 'show dependents instead of dependencies')
    .option('--json', 'print JSON')
    .action(depsCommand(io));
  command('search', 'full-text search over names, titles, descriptions, tags and owners')
    .argument('<query...>', 'words to look for; prefixes match')
    .option('--kind <kind>', 'only this kind')
    .option('--limit <n>', 'at most this many results', parseWholeNumber(1, 200), 20)
    .option('--json', 'print JSON')
    .action(searchCommand(io));
  command('errors', 'catalog problems: invalid files, conflicts, unreachable sources, dangling refs')
    .addOption(new Option('--severity <severity>', 'only errors or only warnings').choices(['error', 'warning']))
    .option('--json', 'print a JSON array')
    .action(errorsCommand(io));
  command('jobs', 'scheduled jobs: schedule and time zone, last run and its result, next run').option('--json', 'print JSON').action(jobsCommand(io));
  command('ask', 'ask what you would ask in Slack, e.g. "/owner checkout-service" or "who owns payments-api?"; prints the reply')
    .argument('<text>', 'a slash command with its text, or a question as you would @mention the app')
    .option('--user-email <email>', 'answer as the Slack user with this email (for /callboard whoami, errors, sync)')
    .option('--json', 'print the Slack message: { response_type, text, blocks }')
    .action(askAction(io));
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
