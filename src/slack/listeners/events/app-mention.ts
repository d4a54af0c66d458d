import type { KnownBlock } from '@slack/types';
import { parseMention } from '../../parse/parse-mention.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { sharedCopy } from '../../views/shared-copy.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { answerParsed } from '../answers/answer-request.ts';

export interface MentionArgs {
  event: { user?: string; text: string; channel: string; ts: string; thread_ts?: string };
  context: { botUserId?: string };
  client: { chat: { postMessage: (message: { channel: string; thread_ts: string; text: string; blocks: KnownBlock[] }) => Promise<unknown> } };
}

/**
 * `@callboard who owns payments-api?`: the same answers as the slash commands, in a thread under
 * the question. The question was public, so the answer is too, marked with who asked.
 */
export const appMention =
  (deps: SlackDeps) =>
  async ({ event, context, client }: MentionArgs): Promise<void> => {
    const asker = event.user ?? '';
    const thread = event.thread_ts ?? event.ts;
    const post = (message: SlackMessage) => {
      const copy = sharedCopy(message, asker);
      return client.chat.postMessage({ channel: event.channel, thread_ts: thread, text: copy.text, blocks: copy.blocks });
    };
    await post(await answerParsed(deps, parseMention(event.text, context.botUserId), asker, { onProgress: post }));
  };
