import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import { ScaffolderActionIds, ViewCallbackIds } from '../../ids.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { decideRunAction } from './approval-actions.ts';
import { backAction, redrawAction } from './form-actions.ts';
import { formPageSubmission } from './form-submission.ts';
import { pickerOptionsListener } from './picker-options.ts';
import { reviewSubmission } from './review-submission.ts';
import { chooseTemplateAction, editAndRetryAction, retryRunAction } from './run-actions.ts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The scaffolder's modals, buttons and external selects. Its commands (`/create`, `/callboard create | runs |
 * register`) are routed by the commands listener, which owns every slash command.
 */
export const register = (app: App, deps: SlackDeps): void => {
  app.view<ViewSubmitAction>(ViewCallbackIds.templatePage, formPageSubmission(deps));
  app.view<ViewSubmitAction>(ViewCallbackIds.templateReview, reviewSubmission(deps));
  const buttons = {
    [ScaffolderActionIds.retryRun]: retryRunAction(deps),
    [ScaffolderActionIds.editAndRetry]: editAndRetryAction(deps),
    [ScaffolderActionIds.approveRun]: decideRunAction(deps, 'approved'),
    [ScaffolderActionIds.denyRun]: decideRunAction(deps, 'denied'),
    [ScaffolderActionIds.pageBack]: backAction(deps),
    [ScaffolderActionIds.reviewBack]: backAction(deps),
  };
  for (const [actionId, handler] of Object.entries(buttons)) app.action<BlockAction>({ type: 'block_actions', action_id: actionId }, handler);
  // One Choose button per listed template, `scaffolder.choose_template.<n>`; the value names the template.
  app.action<BlockAction>(
    { type: 'block_actions', action_id: new RegExp(`^${escapeRegExp(ScaffolderActionIds.chooseTemplate)}(?:\\.\\d+)?$`) },
    chooseTemplateAction(deps),
  );
  // A field other fields depend on dispatches a block action when it changes: the page is drawn again.
  const fieldPattern = new RegExp(`^(?:${escapeRegExp(ScaffolderActionIds.fieldPrefix)}|${escapeRegExp(ScaffolderActionIds.pickerPrefix)})`);
  app.action<BlockAction>({ type: 'block_actions', action_id: fieldPattern }, redrawAction(deps));
  app.options<'block_suggestion'>(
    { type: 'block_suggestion', action_id: new RegExp(`^${escapeRegExp(ScaffolderActionIds.pickerPrefix)}`) },
    pickerOptionsListener(deps),
  );
};
