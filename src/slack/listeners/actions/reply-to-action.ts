import type { View } from '@slack/types';
import { messageModal } from '../../views/message-modal.ts';
import { slackPayload, type SlackMessage } from '../../views/slack-message.ts';
import type { ActionArgs } from '../bolt-args.ts';

/** The value of a clicked button or the chosen option of a select or radio group. */
export const actionValue = (action: ActionArgs['action']): string | undefined => {
  if ('value' in action && typeof action.value === 'string') return action.value;
  if ('selected_option' in action && typeof action.selected_option?.value === 'string') return action.selected_option.value;
  return undefined;
};

/** Slack stacks at most three modals: the root and two pushed on it. */
const canPush = (view: NonNullable<ActionArgs['body']['view']>): boolean => !view.previous_view_id || view.previous_view_id === view.root_view_id;

/**
 * A click inside a modal stacks the answer on it (Slack's Back button returns to the question), or
 * replaces it when the answer replaces what was clicked (a choice, another page) or the stack is full.
 */
const showInModal = (args: ActionArgs, modal: View, view: NonNullable<ActionArgs['body']['view']>, replace: boolean): Promise<unknown> =>
  !replace && canPush(view) && args.body.trigger_id
    ? args.client.views.push({ trigger_id: args.body.trigger_id, view: modal })
    : args.client.views.update({ view_id: view.id, view: modal });

/**
 * Answers whoever clicked, where they clicked: privately under the message when it has a
 * response_url (keeping the message unless `replaceOriginal`); in a modal for Home tab and modal
 * clicks, which have none. Nothing goes to the app's Messages tab unannounced.
 */
export const replyToAction = async (args: ActionArgs, message: SlackMessage, options: { replaceOriginal?: boolean } = {}): Promise<unknown> => {
  if (args.body.response_url && args.respond) return args.respond({ ...slackPayload(message), replace_original: options.replaceOriginal ?? false });
  const modal = messageModal(message);
  const { view, trigger_id: triggerId } = args.body;
  if (view?.type === 'modal') return showInModal(args, modal, view, options.replaceOriginal ?? false);
  if (!triggerId) throw new Error('a block action without response_url nor trigger_id: nowhere to answer');
  return args.client.views.open({ trigger_id: triggerId, view: modal });
};
