import type { ModalView } from '@slack/types';
import { noticeModal } from '../../views/runs/notice-modal.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { InvalidInputError } from '../../../core/errors.ts';
import type { TemplateDefinition } from '../../../core/scaffolder/template-definition.ts';
import type { Scaffolder } from '../../../scaffolder/scaffolder.ts';
import { pageOfFields } from './form-navigation.ts';
import { sessionMetadata, type FormSession } from './form-sessions.ts';
import { pageModalFor, type FormContext } from './open-form.ts';

/**
 * The last step before anything runs: a dry run (Scaffolder.preview) shown as the review modal. Values the dry
 * run refuses (the repository exists, an entity has that name) send the form back to the page that holds them,
 * with the message under the field.
 */
export type ReviewOutcome =
  | { kind: 'review'; view: ModalView }
  /** Errors on the page just submitted: shown with `response_action: errors`. */
  | { kind: 'errors'; page: number; errors: Record<string, string> }
  /** Errors on an earlier page: that page is shown again, the errors drawn on it. */
  | { kind: 'page'; view: ModalView }
  | { kind: 'failed'; view: ModalView };

export const reviewStep = async (
  context: FormContext,
  scaffolder: Scaffolder,
  session: FormSession,
  definition: TemplateDefinition,
  submittedPage: number,
): Promise<ReviewOutcome> => {
  try {
    const preview = await scaffolder.preview({ templateRef: definition.ref, values: session.values, requester: session.requester });
    const view = context.views.reviewModal({ definition, values: session.values, preview, privateMetadata: sessionMetadata(session) });
    return { kind: 'review', view };
  } catch (error) {
    if (!(error instanceof InvalidInputError)) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        kind: 'failed',
        view: noticeModal('Review failed', `The dry run of ${escapeMrkdwn(definition.title)} failed: ${escapeMrkdwn(message)}`, ':warning:'),
      };
    }
    const fields = Object.keys(error.fieldErrors);
    const page = pageOfFields(definition, fields) ?? submittedPage;
    const errors = fields.length > 0 ? { ...error.fieldErrors } : { '': error.message };
    if (page === submittedPage) return { kind: 'errors', page, errors };
    const back = { ...session, page };
    context.forms.save(back);
    return { kind: 'page', view: pageModalFor(context, back, definition, errors) };
  }
};

/** Resolves with the work's result if it settles within `ms`, else with undefined (the work goes on). */
export const withinBudget = async <T>(work: Promise<T>, ms: number): Promise<{ value: T } | undefined> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
};
