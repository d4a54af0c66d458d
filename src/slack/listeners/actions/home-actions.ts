import type { SlackDeps } from '../../slack-deps.ts';
import { helpView } from '../../views/help-view.ts';
import { answerHome, answerHomeProblems } from '../answers/answer-home.ts';
import { answerRequest } from '../answers/answer-request.ts';
import type { ActionArgs, HomeActionArgs } from '../bolt-args.ts';
import { replyToAction } from './reply-to-action.ts';

/** Home → Problems: the problems behind the count, in the app DM. */
export const homeProblemsAction =
  (deps: SlackDeps) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    await replyToAction(args, await answerHomeProblems(deps, args.body.user.id));
  };

export const helpAction =
  () =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    await replyToAction(args, helpView());
  };

/** Home → Sync now: the same permission and messages as `/callboard sync`, then a fresh Home tab. */
export const syncNowAction =
  (deps: SlackDeps) =>
  async (args: HomeActionArgs): Promise<void> => {
    await args.ack();
    const userId = args.body.user.id;
    const summary = await answerRequest(deps, { kind: 'sync' }, userId, { onProgress: (message) => replyToAction(args, message) });
    await replyToAction(args, summary);
    await args.client.views.publish({ user_id: userId, view: await answerHome(deps, userId) });
  };
