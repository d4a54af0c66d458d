import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInputError, NotFoundError } from '../../core/errors.ts';
import type { RunRecord } from '../../core/scaffolder/run-record.ts';
import type { RunRequest, Scaffolder } from '../../scaffolder/scaffolder.ts';
import { CliExit, type CliIo } from '../cli-context.ts';
import { formatPreview } from '../format/format-preview.ts';
import { createStepPrinter, formatRunResult, runJson } from '../format/format-run.ts';
import { openScaffolderRuntime, type OpenScaffolder } from '../scaffolder-runtime.ts';
import { readValues, requesterOf, templateRefOf, type ValuesSource } from './scaffold-arguments.ts';

export interface ScaffoldOptions {
  config?: string;
  values?: string;
  as?: string;
  dryRun?: boolean;
  out?: string;
  json?: boolean;
}

/** `--out` only with `--dry-run`, into a folder that is new or empty (a dry run never overwrites files). */
const checkOut = (options: ScaffoldOptions, io: CliIo): string | undefined => {
  if (options.out === undefined) return undefined;
  if (!options.dryRun) throw new CliExit(2, '--out goes with --dry-run (a real run publishes the files instead); add --dry-run or drop --out');
  const outDir = resolve(io.cwd, options.out);
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new CliExit(2, `--out ${options.out} is not empty; name a new or empty folder`);
  return outDir;
};

/** Values failing the template's schema: one line per field, exit 2. */
const invalidValues = (error: InvalidInputError, file: string): CliExit => {
  const fields = Object.entries(error.fieldErrors);
  if (fields.length === 0) return new CliExit(2, error.message);
  return new CliExit(2, [`The values in ${file} do not fit the template:`, ...fields.map(([field, message]) => `  ${field}: ${message}`)].join('\n'));
};

const dryRun = async (scaffolder: Scaffolder, request: RunRequest, outDir: string | undefined, io: CliIo, json: boolean): Promise<void> => {
  const preview = await scaffolder.preview(request, outDir ? { outDir } : {});
  io.out(json ? JSON.stringify(preview, null, 2) : formatPreview(preview));
};

/** Starts the run, prints each step change as it happens, and waits for it to settle (not for an approval). */
const realRun = async (scaffolder: Scaffolder, request: RunRequest, io: CliIo, json: boolean): Promise<RunRecord> => {
  // With --json, stdout is the JSON document alone; progress goes to stderr.
  const printStep = createStepPrinter(json ? io.err : io.out);
  const started = await scaffolder.start(request, printStep);
  const run = started.status === 'awaiting-approval' ? started : await scaffolder.settled(started.id);
  printStep(run);
  io.out(json ? JSON.stringify(runJson(run), null, 2) : formatRunResult(run));
  return run;
};

/**
 * `callboard scaffold <template> --values FILE|-`: runs a template for real (local Git host, or GitHub with
 * GITHUB_TOKEN), or with `--dry-run` renders what its fetch steps produce (into `--out DIR`) and lists the
 * other steps. Exit 1 when the run fails, 2 on bad arguments or values the template's schema refuses.
 */
export const scaffoldCommand =
  (io: CliIo, open: OpenScaffolder = openScaffolderRuntime, source: ValuesSource = {}) =>
  async (template: string, options: ScaffoldOptions): Promise<void> => {
    if (options.values === undefined) throw new CliExit(2, '--values FILE is required (a YAML or JSON file of parameter values; - reads stdin)');
    const templateRef = templateRefOf(template);
    const requester = requesterOf(options.as, io.env);
    const outDir = checkOut(options, io);
    const values = await readValues(options.values, io, source);
    const request: RunRequest = { templateRef, values, requester };
    const runtime = await open(io, options.config);
    try {
      if (options.dryRun) return await dryRun(runtime.scaffolder, request, outDir, io, options.json ?? false);
      const run = await realRun(runtime.scaffolder, request, io, options.json ?? false);
      if (run.status === 'failed' || run.status === 'denied') throw new CliExit(1);
    } catch (error) {
      if (error instanceof InvalidInputError) throw invalidValues(error, options.values === '-' ? 'stdin' : options.values);
      // The template named is not there (or cannot be read): a bad argument, as the message says.
      if (error instanceof NotFoundError) throw new CliExit(2, error.message);
      throw error;
    } finally {
      runtime.close();
    }
  };
