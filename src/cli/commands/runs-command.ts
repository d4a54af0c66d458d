import { shownValues, type RunRecord } from '../../core/scaffolder/run-record.ts';
import type { CliIo } from '../cli-context.ts';
import { formatRuns } from '../format/format-run.ts';
import { openScaffolderRuntime, type OpenScaffolder } from '../scaffolder-runtime.ts';
import { templateRefOf } from './scaffold-arguments.ts';

/** A run as people see it: values a template masks for review (`ui:backstage.review.mask`) shown masked. */
const asShown = (run: RunRecord): Omit<RunRecord, 'maskedValues'> => {
  const { maskedValues: _masked, ...rest } = run;
  return { ...rest, values: shownValues(run) };
};

/** `callboard runs`: recorded scaffolder runs, newest first, with values (never secrets), steps and links. */
export const runsCommand =
  (io: CliIo, open: OpenScaffolder = openScaffolderRuntime) =>
  async (options: { config?: string; json?: boolean; limit?: number; template?: string }): Promise<void> => {
    const runtime = await open(io, options.config);
    try {
      const runs = runtime.scaffolder.runs({ limit: options.limit ?? 50, ...(options.template ? { templateRef: templateRefOf(options.template) } : {}) });
      const newestFirst = [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      io.out(options.json ? JSON.stringify(newestFirst.map(asShown), null, 2) : formatRuns(newestFirst));
    } finally {
      runtime.close();
    }
  };
