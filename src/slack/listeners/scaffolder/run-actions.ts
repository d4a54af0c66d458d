import { escapeMrkdwn } from '../../mrkdwn.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { scaffolderNoticeView } from '../../views/runs/runs-list-view.ts';
import { buttonValue, type ScaffolderActionArgs } from './action-args.ts';
import { NOT_SET_UP } from './load-session.ts';
import { openTemplateForm } from './open-template-form.ts';
import { orRefusal } from './refusals.ts';
import { tellClicker } from './reply.ts';
import { requesterOf } from './requester.ts';

const staleButton = () => scaffolderNoticeView('That button no longer carries a template or run Callboard knows. Start again with `/create`.');

/** Choose on the `/create` list: the template's form, if the person may run it (a forged ref is refused like any other). */
export const chooseTemplateAction = (deps: SlackDeps) => async (args: ScaffolderActionArgs) => {
  await args.ack();
  const ref = buttonValue(args.action);
  if (!ref || !args.body.trigger_id) return tellClicker(args, staleButton());
  const requester = await requesterOf(deps, args.body.user.id);
  const channel = args.body.channel?.id;
  const opened = await openTemplateForm(deps, args.client, { triggerId: args.body.trigger_id, templateRef: ref, requester, ...(channel ? { channel } : {}) });
  if (!opened.ok) await tellClicker(args, opened.message);
};

/** The progress message clicked, so the resumed run edits it even when Callboard restarted since posting it. */
const adoptClickedMessage = (deps: SlackDeps, args: ScaffolderActionArgs, runId: string) => {
  const channel = args.body.channel?.id;
  const ts = args.body.message?.ts;
  if (channel && ts) deps.scaffolding.progress.adopt(args.client, runId, { channel, ts }, { channel, userId: args.body.user.id });
};

/** Retry on a failed run: it resumes at the failed step (finished steps are not redone), editing the same message. */
export const retryRunAction = (deps: SlackDeps) => async (args: ScaffolderActionArgs) => {
  await args.ack();
  const runId = buttonValue(args.action);
  const scaffolder = deps.scaffolder;
  if (!scaffolder) return tellClicker(args, scaffolderNoticeView(NOT_SET_UP));
  if (!runId) return tellClicker(args, staleButton());
  adoptClickedMessage(deps, args, runId);
  const requester = await requesterOf(deps, args.body.user.id);
  const channel = args.body.channel?.id;
  const listener = deps.scaffolding.progress.listenerFor(args.client, { ...(channel ? { channel } : {}), userId: args.body.user.id });
  const retried = await orRefusal(() => scaffolder.retry(runId, requester, listener));
  if (!retried.ok) return tellClicker(args, retried.refused);
};

/**
 * Edit and retry: the form again, filled with the failed run's values. Secrets were never stored, so those
 * fields come back empty (and required, as the template says); Create starts a new run.
 */
export const editAndRetryAction = (deps: SlackDeps) => async (args: ScaffolderActionArgs) => {
  await args.ack();
  const runId = buttonValue(args.action);
  const run = runId ? deps.scaffolder?.run(runId) : undefined;
  if (!deps.scaffolder) return tellClicker(args, scaffolderNoticeView(NOT_SET_UP));
  if (!run || !args.body.trigger_id) return tellClicker(args, scaffolderNoticeView(`Callboard has no run \`${escapeMrkdwn(runId ?? '')}\` to edit.`, ':mag:'));
  const requester = await requesterOf(deps, args.body.user.id);
  const channel = args.body.channel?.id;
  const opened = await openTemplateForm(deps, args.client, {
    triggerId: args.body.trigger_id,
    templateRef: run.templateRef,
    requester,
    values: { ...run.values },
    editOf: run.id,
    ...(channel ? { channel } : {}),
  });
  if (!opened.ok) await tellClicker(args, opened.message);
};
