import { parseMention } from '../../parse/parse-mention.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { shortHelpView } from '../../views/help-view.ts';
import { sharedCopy } from '../../views/shared-copy.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { answerRequest } from '../answers/answer-request.ts';
import type { MentionArgs } from '../bolt-args.ts';
import { parseContextMention } from '../../parse/parse-context-mention.ts';
import { postIncidentContext } from '../incidents/post-incident-context.ts';
import { isPersonalRequest } from './mention-visibility.ts';

/**
 * `@callboard who owns payments-api?`: the same answers as the slash commands. An answer is a reply
 * in the thread under the question, rendered for a shared audience (names, not pings) and marked
 * with who asked. "Did not understand", help, failures and choices go to the asker only, in the thread.
 */
export const appMention =
  (deps: SlackDeps) =>
  async ({ event, context, client }: MentionArgs): Promise<void> => {
    const asker = event.user ?? '';
    const where = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts };
    const toAsker = (message: SlackMessage) => client.chat.postEphemeral({ ...where, user: asker, text: message.text, blocks: message.blocks });
    const toThread = (message: SlackMessage) => {
      const copy = sharedCopy(message, asker);
      return client.chat.postMessage({ ...where, text: copy.text, blocks: copy.blocks });
    };
    // `@Callboard context [<entity>]`: incident context cards for this channel, not an answer in the thread.
    const asked = parseContextMention(event.text, context.botUserId);
    if (asked)
      return postIncidentContext(deps, client, { kind: 'asked', channelId: event.channel, userId: asker, words: asked.words, threadTs: where.thread_ts });
    const parsed = parseMention(event.text, context.botUserId);
    if (!parsed.ok) return void (await toAsker(shortHelpView(parsed.problem)));
    if (parsed.request.kind === 'help') return void (await toAsker(shortHelpView()));
    const personal = isPersonalRequest(parsed.request);
    const answer = await answerRequest(deps, parsed.request, asker, { onProgress: toAsker, audience: personal ? 'private' : 'shared' });
    await (personal || answer.forAskerOnly ? toAsker(answer) : toThread(answer));
  };
