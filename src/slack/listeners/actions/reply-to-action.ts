import type { SlackMessage } from '../../views/slack-message.ts';
import type { ActionArgs } from '../bolt-args.ts';

/** The value of a clicked button or the chosen option of a select or radio group. */
export const actionValue = (action: ActionArgs['action']): string | undefined => {
  if ('value' in action && typeof action.value === 'string') return action.value;
  if ('selected_option' in action && typeof action.selected_option?.value === 'string') return action.selected_option.value;
  return undefined;
};

/**
 * Answers whoever clicked: privately under the message when it has a response_url (keeping the
 * message unless `replaceOriginal`), else in their DM with the app (Home tab buttons).
 */
export const replyToAction = async (args: ActionArgs, message: SlackMessage, options: { replaceOriginal?: boolean } = {}): Promise<unknown> => {
  if (args.body.response_url && args.respond) return args.respond({ ...message, replace_original: options.replaceOriginal ?? false });
  return args.client.chat.postMessage({ channel: args.body.user.id, text: message.text, blocks: message.blocks });
};
