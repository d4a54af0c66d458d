import type { CliIo } from '../cli-context.ts';
import { formatTemplates, templateJson } from '../format/format-templates.ts';
import { openScaffolderRuntime, type OpenScaffolder } from '../scaffolder-runtime.ts';
import { requesterOf } from './scaffold-arguments.ts';

/**
 * `callboard templates`: the templates in the catalog, and whether each can run (and why not). Without `--as` it
 * lists those open to everyone; with `--as user:default/alice`, also those Alice's groups may run
 * (`callboard.dev/allowed-groups`).
 */
export const templatesCommand =
  (io: CliIo, open: OpenScaffolder = openScaffolderRuntime) =>
  async (options: { config?: string; json?: boolean; as?: string }): Promise<void> => {
    const requester = options.as === undefined ? undefined : requesterOf(options.as, io.env);
    const runtime = await open(io, options.config);
    try {
      const summaries = runtime.scaffolder.listTemplates(requester);
      io.out(options.json ? JSON.stringify(summaries.map(templateJson), null, 2) : formatTemplates(summaries));
    } finally {
      runtime.close();
    }
  };
