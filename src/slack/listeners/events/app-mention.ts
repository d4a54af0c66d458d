import { parseMention } from '../../parse/parse-mention.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { sharedCopy } from '../../views/shared-copy.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { answerParsed } from '../answers/answer-request.ts';
import type { MentionArgs } from '../bolt-args.ts';

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
