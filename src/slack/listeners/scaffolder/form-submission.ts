import { validateFormValues } from '../../../core/scaffolder/form/validate-form-values.ts';
import { noticeModal } from '../../views/runs/notice-modal.ts';
import type { TemplateDefinition } from '../../../core/scaffolder/template-definition.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { nextPage } from './form-navigation.ts';
import type { FormSession } from './form-sessions.ts';
import { pageModalFor, type FormContext } from './open-form.ts';
import { expiredModal, loadSession } from './load-session.ts';
import { reviewStep, withinBudget, type ReviewOutcome } from './review-step.ts';
import type { ViewSubmissionArgs } from './view-args.ts';

/** A dry run that answers within this is shown with the ack; a slower one replaces a "preparing" modal later. */
const REVIEW_BUDGET_MS = 2000;

/**
 * Errors on the page just submitted, under their inputs; a page with no input to hold them (only hidden fields,
 * a page-level rule) is shown again with the errors listed, so the form never stays silently stuck.
 */
const ackErrors = (args: ViewSubmissionArgs, context: FormContext, session: FormSession, definition: TemplateDefinition, errors: Record<string, string>) => {
  const byBlock = context.views.errorBlocks(definition, session.page, session.values, errors);
  if (Object.keys(byBlock).length > 0) return args.ack({ response_action: 'errors', errors: byBlock });
  return args.ack({ response_action: 'update', view: pageModalFor(context, session, definition, errors) });
};

const ackReview = async (args: ViewSubmissionArgs, context: FormContext, session: FormSession, definition: TemplateDefinition, outcome: ReviewOutcome) => {
  if (outcome.kind !== 'errors') return args.ack({ response_action: 'update', view: outcome.view });
  const back = { ...session, page: outcome.page };
  context.forms.save(back);
  return ackErrors(args, context, back, definition, outcome.errors);
};

/** A slow dry run: the modal says so at once, and the review (or the page to fix) replaces it when ready. */
const reviewLater = async (
  args: ViewSubmissionArgs,
  context: FormContext,
  session: FormSession,
  definition: TemplateDefinition,
  review: Promise<ReviewOutcome>,
) => {
  await args.ack({ response_action: 'update', view: noticeModal(definition.title, 'Preparing the review: a dry run of the template…') });
  const outcome = await review;
  const view = outcome.kind === 'errors' ? pageModalFor(context, { ...session, page: outcome.page }, definition, outcome.errors) : outcome.view;
  if (outcome.kind === 'errors') context.forms.save({ ...session, page: outcome.page });
  await args.client.views.update({ view_id: args.view.id, view });
};

/**
 * Next on a form page: the page is read and validated (errors go under their inputs), then the next page whose
 * `when` holds is shown with every value kept, or after the last page the review.
 */
export const formPageSubmission = (deps: SlackDeps) => async (args: ViewSubmissionArgs) => {
  const context = deps.scaffolding;
  const loaded = loadSession(deps, args.view.private_metadata);
  if (!loaded.ok) return args.ack({ response_action: 'update', view: expiredModal(loaded.reason) });
  const { session, definition, scaffolder } = loaded;
  const read = context.views.readPage(definition, session.page, args.view.state.values, session.values);
  const values = read.values;
  const errors = { ...validateFormValues(definition.pages, values, { pageIndexes: [session.page] }), ...read.errors };
  context.forms.save({ ...session, values });
  if (Object.keys(errors).length > 0) return ackErrors(args, context, { ...session, values }, definition, errors);
  const next = nextPage(definition, values, session.page);
  if (next !== undefined) {
    const moved = { ...session, values, page: next };
    context.forms.save(moved);
    return args.ack({ response_action: 'update', view: pageModalFor(context, moved, definition) });
  }
  const reviewing = { ...session, values, page: definition.pages.length };
  context.forms.save(reviewing);
  const review = reviewStep(context, scaffolder, reviewing, definition, session.page);
  const quick = await withinBudget(review, REVIEW_BUDGET_MS);
  if (quick) return ackReview(args, context, { ...session, values }, definition, quick.value);
  return reviewLater(args, context, { ...session, values }, definition, review);
};
