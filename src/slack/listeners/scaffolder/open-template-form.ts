import type { SlackDeps } from '../../slack-deps.ts';
import { noticeModal } from '../../views/runs/notice-modal.ts';
import type { Requester } from '../../../scaffolder/scaffolder.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import type { ScaffolderClient } from './chat-client.ts';
import { pageModalFor, startForm } from './open-form.ts';
import { orRefusal } from './refusals.ts';
import { reviewStep } from './review-step.ts';
import { NOT_SET_UP } from './load-session.ts';
import { scaffolderNoticeView } from '../../views/runs/runs-list-view.ts';

export interface OpenFormRequest {
  triggerId: string;
  templateRef: string;
  requester: Requester;
  /** Where the command or click came from: the run's progress is posted there. */
  channel?: string;
  /** Values to start from ("Edit and retry": the failed run's, secrets not among them). */
  values?: Record<string, unknown>;
  editOf?: string;
}

/**
 * Opens a template's form on its first shown page. `views.open` goes out before anything slow: the trigger
 * lives 3 s. A template the person may not run (or that is gone) is a refusal for them to read, not a modal.
 * A template without questions opens on its review, which replaces a "preparing" modal once its dry run is done.
 */
export const openTemplateForm = async (
  deps: SlackDeps,
  client: ScaffolderClient,
  request: OpenFormRequest,
): Promise<{ ok: true } | { ok: false; message: SlackMessage }> => {
  const scaffolder = deps.scaffolder;
  if (!scaffolder) return { ok: false, message: scaffolderNoticeView(NOT_SET_UP) };
  const found = await orRefusal(() => scaffolder.template(request.templateRef, request.requester));
  if (!found.ok) return { ok: false, message: found.refused };
  const definition = found.value;
  const context = deps.scaffolding;
  const session = startForm(context, { ...request, definition });
  if (session.page < definition.pages.length) {
    await client.views.open({ trigger_id: request.triggerId, view: pageModalFor(context, session, definition) });
    return { ok: true };
  }
  const opened = await client.views.open({
    trigger_id: request.triggerId,
    view: noticeModal(definition.title, 'Preparing the review: a dry run of the template…'),
  });
  const outcome = await reviewStep(context, scaffolder, session, definition, session.page);
  if (opened.view?.id && outcome.kind !== 'errors') await client.views.update({ view_id: opened.view.id, view: outcome.view });
  return { ok: true };
};
