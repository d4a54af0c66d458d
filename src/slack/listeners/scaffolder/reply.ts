import { slackPayload, type SlackMessage } from '../../views/slack-message.ts';
import type { ScaffolderActionArgs } from './action-args.ts';

/**
 * A private note to whoever clicked a message button (a refusal, a run that is gone), under the message they
 * clicked, which stays as it is. Without a response_url (a modal click) it goes to their DM.
 */
export const tellClicker = async (args: ScaffolderActionArgs, message: SlackMessage): Promise<void> => {
  if (args.body.response_url && args.respond) {
    await args.respond({ ...slackPayload(message), response_type: 'ephemeral', replace_original: false });
    return;
  }
  await args.client.chat.postMessage({ channel: args.body.user.id, text: message.text, blocks: message.blocks });
};
