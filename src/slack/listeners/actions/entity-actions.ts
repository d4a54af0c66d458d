import type { SlackRequest } from '../../parse/slack-request.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { parseChoiceValue, parsePageValue, type ChooserIntent } from '../../views/action-values.ts';
import { usageView } from '../../views/not-found-view.ts';
import { answerOwned } from '../answers/answer-owned.ts';
import { answerRequest } from '../answers/answer-request.ts';
import type { ActionArgs } from '../bolt-args.ts';
import { actionValue, replyToAction } from './reply-to-action.ts';

/** Values are user-visible and can be forged: a request is rebuilt from them, never trusted further. */
const requestFor = (intent: ChooserIntent, ref: string): SlackRequest => {
  if (intent === 'owner' || intent === 'oncall' || intent === 'docs') return { kind: intent, entity: ref };
  // No depth: the whole graph, as /deps walks it.
  return { kind: 'deps', entity: ref, direction: intent === 'deps' ? 'forward' : 'reverse' };
};

const staleButton = () => usageView('', 'That button no longer carries a question Callboard understands. Ask again with a command.');

/** Owner / Dependencies / Dependents buttons and menus whose value is an entity ref. */
export const entityAction =
  (deps: SlackDeps, intent: ChooserIntent) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const ref = actionValue(args.action);
    const answer = ref ? await answerRequest(deps, requestFor(intent, ref), args.body.user.id) : staleButton();
    await replyToAction(args, answer);
  };

/** "Which one did you mean?": the chosen option carries the question and the ref; the answer replaces the chooser. */
export const chooseEntityAction =
  (deps: SlackDeps) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const choice = parseChoiceValue(actionValue(args.action) ?? '');
    const answer = choice ? await answerRequest(deps, requestFor(choice.intent, choice.ref), args.body.user.id) : staleButton();
    await replyToAction(args, answer, { replaceOriginal: choice !== undefined });
  };

/** A team card's "All it owns": page 1 of the list as a new answer, keeping the card; its Next / Previous page in place. */
export const showOwnedAction =
  (deps: SlackDeps) =>
  async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const request = parsePageValue(actionValue(args.action) ?? '');
    const answer = request?.view === 'owned' ? answerOwned(deps, request.ref, request.page) : staleButton();
    await replyToAction(args, answer);
  };
