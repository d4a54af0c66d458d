import type { SlackRequest } from '../../parse/slack-request.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { parseShareValue, type ShareRequest } from '../../views/action-values.ts';
import { usageView } from '../../views/not-found-view.ts';
import { sharedCopy } from '../../views/shared-copy.ts';
import { answerRequest } from '../answers/answer-request.ts';
import type { ActionArgs } from '../bolt-args.ts';
import { actionValue, replyToAction } from './reply-to-action.ts';

const requestFor = (share: ShareRequest): SlackRequest =>
  share.view === 'owner' ? { kind: 'owner', entity: share.ref } : { kind: 'deps', entity: share.ref, direction: share.direction, depth: share.depth };

/**
 * "Share in channel": the question is asked again (the catalog may have moved on) and the answer
 * posted for everyone through the response_url, saying who shared it; the private copy stays.
 */
export const shareAction =
  (deps: SlackDeps) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const share = parseShareValue(actionValue(args.action) ?? '');
    if (!share || !args.respond || !args.body.response_url) {
      await replyToAction(args, usageView('', 'This answer cannot be shared from here. Ask again in the channel with a command.'));
      return;
    }
    // Everyone in the channel will see it: rendered for a shared audience (members named, never pinged).
    const answer = await answerRequest(deps, requestFor(share), args.body.user.id, { audience: 'shared' });
    await args.respond(sharedCopy(answer, args.body.user.id));
  };
