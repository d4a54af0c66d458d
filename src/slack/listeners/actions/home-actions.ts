import type { SlackDeps } from '../../slack-deps.ts';
import { helpView } from '../../views/help-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { answerHome, answerHomeProblems } from '../answers/answer-home.ts';
import { answerRequest } from '../answers/answer-request.ts';
import type { ActionArgs, HomeActionArgs } from '../bolt-args.ts';
import { replyToAction } from './reply-to-action.ts';

/** Home → Problems: the problems behind the count, in a modal over the tab. */
export const homeProblemsAction =
  (deps: SlackDeps) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    await replyToAction(args, await answerHomeProblems(deps, args.body.user.id));
  };

/** Help / More: the full help replaces the three-line help under a message, or opens in a modal from the Home tab. */
export const helpAction =
  () =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    await replyToAction(args, helpView(), { replaceOriginal: true });
  };

/**
 * Home → Sync now: the same permission and messages as `/callboard sync`, reported on the Home tab
 * itself (a pass outlives the 3 s a trigger_id lives, so no modal): "syncing…", then the summary.
 */
export const syncNowAction =
  (deps: SlackDeps) =>
  async (args: HomeActionArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    const publish = async (notice: SlackMessage) => args.client.views.publish({ user_id: userId, view: await answerHome(deps, userId, notice.blocks) });
    const summary = await answerRequest(deps, { kind: 'sync' }, userId, { onProgress: publish });
    await publish(summary);
  };
