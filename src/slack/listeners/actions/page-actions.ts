import type { AllMiddlewareArgs, BlockAction } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';
import { parsePageValue, type PageRequest } from '../../views/action-values.ts';
import { usageView } from '../../views/not-found-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { answerDependencies } from '../answers/answer-entity.ts';
import { answerOwned } from '../answers/answer-owned.ts';
import { answerSearch } from '../answers/answer-search.ts';
import type { ActionArgs } from '../bolt-args.ts';
import { actionValue, replyToAction } from './reply-to-action.ts';

type WebClient = AllMiddlewareArgs['client'];

/** What paging reads of a click: where the message is, and whether only the clicker sees it. */
export interface PageActionArgs extends ActionArgs {
  body: ActionArgs['body'] & Pick<BlockAction, 'container'> & { channel?: { id: string }; message?: { ts: string } };
  client: ActionArgs['client'] & { chat: Pick<WebClient['chat'], 'update'> };
}

/** The page asked for, rebuilt from the question in the value (ephemeral messages are not sent back with a click). */
export const answerPage = (deps: SlackDeps, request: PageRequest): Promise<SlackMessage> | SlackMessage => {
  if (request.view === 'owned') return answerOwned(deps, request.ref, request.page);
  return request.view === 'find'
    ? answerSearch(deps, request.query, request.page)
    : answerDependencies(deps, request.ref, request.direction, request.depth, { page: request.page });
};

const staleButton = () => usageView('', 'That button no longer carries a page Callboard understands. Ask again with a command.');

/** Slack's answers when a message cannot be edited with chat.update, though its response_url may still replace it. */
const NOT_UPDATABLE = new Set(['cant_update_message', 'message_not_found', 'edit_window_closed']);

const isNotUpdatable = (error: unknown): boolean => NOT_UPDATABLE.has(String((error as { data?: { error?: unknown } } | undefined)?.data?.error));

/**
 * The same message, showing another page. An ephemeral answer can only be replaced through the
 * click's response_url; a message the bot posted (a mention reply, a shared answer) is updated in
 * place, or through the response_url when Slack will not let chat.update edit it.
 */
const showInPlace = async (args: PageActionArgs, message: SlackMessage): Promise<unknown> => {
  const channel = args.body.channel?.id;
  const ts = args.body.message?.ts;
  if (args.body.container?.is_ephemeral === true || !channel || !ts) return replyToAction(args, message, { replaceOriginal: true });
  try {
    return await args.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
  } catch (error) {
    if (!isNotUpdatable(error) || !args.body.response_url) throw error;
    return replyToAction(args, message, { replaceOriginal: true });
  }
};

/** Next / Previous / Show all hops on a long answer (dependencies, blast radius, /find). */
export const pageAction =
  (deps: SlackDeps) =>
  async (args: PageActionArgs): Promise<void> => {
    await args.ack();
    const request = parsePageValue(actionValue(args.action) ?? '');
    if (!request) {
      await replyToAction(args, staleButton());
      return;
    }
    await showInPlace(args, await answerPage(deps, request));
  };
