import type { CatalogRuntime } from '../../catalog-runtime.ts';
import type { Config } from '../../config/load-config.ts';
import type { ScaffolderCommand } from '../../slack/parse/parse-scaffolder-command.ts';
import { requesterOf } from '../../slack/listeners/scaffolder/requester.ts';
import type { SlackDeps } from '../../slack/slack-deps.ts';
import { usageView } from '../../slack/views/not-found-view.ts';
import { runsListView, scaffolderNoticeView } from '../../slack/views/runs/runs-list-view.ts';
import { templateListView } from '../../slack/views/runs/template-list-view.ts';
import type { SlackMessage } from '../../slack/views/slack-message.ts';
import type { Logger } from 'pino';

/** What the form in a modal is, from a terminal: the same template run with its values in a file. */
const TERMINAL_CREATE =
  'In Slack, Choose opens the template’s form. From a terminal: `callboard scaffold TEMPLATE --values values.yaml` (add `--dry-run --out DIR` to see the files first).';

/**
 * `callboard ask "/create …"` and `"/callboard create | runs | register …"`: the answers Slack would give where a
 * terminal can show them (the template list, the runs); the modal and the admin-only register point to the CLI.
 */
export const answerScaffolderAsk = async (
  deps: SlackDeps,
  parsed: ScaffolderCommand,
  slackUserId: string,
  context: { config: Config; runtime: CatalogRuntime; log: Logger },
): Promise<{ message: SlackMessage; ok: boolean }> => {
  if (parsed.kind === 'usage') return { message: usageView(parsed.command, parsed.problem), ok: false };
  if (parsed.kind === 'register') return { message: scaffolderNoticeView(`From a terminal, register it with \`callboard register ${parsed.url}\`.`), ok: true };
  // Loaded on demand: the scaffolder's actions and Git host are not needed by other questions.
  const { buildScaffolder } = await import('../../scaffolder-runtime.ts');
  const scaffolder = buildScaffolder(context.config, context.runtime, context.log);
  if (parsed.kind === 'runs') return { message: runsListView(scaffolder.runs({ limit: 20 })), ok: true };
  const templates = scaffolder.listTemplates(await requesterOf(deps, slackUserId), parsed.words || undefined);
  const list = templateListView(templates, parsed.words);
  return { message: { ...list, blocks: [...(list.blocks ?? []), ...scaffolderNoticeView(TERMINAL_CREATE).blocks!] }, ok: true };
};
