import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from '../../views/slack-message.ts';

/** What action handlers use of Bolt's arguments; tests pass just these. */
export interface ActionArgs {
  ack: () => Promise<void>;
  action: unknown;
  body: { user: { id: string }; response_url?: string };
  /** Present when the element sits in a message (it has a response_url); absent on Home and in modals. */
  respond?: (message: SlackMessage) => Promise<unknown>;
  client: { chat: { postMessage: (message: { channel: string; text: string; blocks: KnownBlock[] }) => Promise<unknown> } };
}

/** The value of a clicked button or the chosen option of a select or radio group. */
export const actionValue = (action: unknown): string | undefined => {
  const element = action as { value?: unknown; selected_option?: { value?: unknown } | null } | undefined;
  if (typeof element?.value === 'string') return element.value;
  const selected = element?.selected_option?.value;
  return typeof selected === 'string' ? selected : undefined;
};

/**
 * Answers whoever clicked: privately under the message when it has a response_url (keeping the
 * message unless `replaceOriginal`), else in their DM with the app (Home tab buttons).
 */
export const replyToAction = async (args: ActionArgs, message: SlackMessage, options: { replaceOriginal?: boolean } = {}): Promise<unknown> => {
  if (args.body.response_url && args.respond) return args.respond({ ...message, replace_original: options.replaceOriginal ?? false });
  return args.client.chat.postMessage({ channel: args.body.user.id, text: message.text, blocks: message.blocks });
};
