import type { SlackRequest } from '../../parse/slack-request.ts';
import type { SlackMessage } from '../../views/slack-message.ts';

/**
 * Who sees the reply to a mention. An answer goes in the thread for everyone who saw the question;
 * what concerns only the asker goes to them alone: a question Callboard could not answer (nothing
 * by that name, a usage hint, a failure), a choice only they can make, and their own housekeeping.
 */

/** Requests whose answers are about the asker (who they are, a sync they started), never the thread's business. */
const PERSONAL_REQUESTS: ReadonlySet<SlackRequest['kind']> = new Set(['help', 'whoami', 'sync']);

/** First blocks of the views that answer nothing: not found, usage hint, failure, a refusal. */
const DEAD_END_BLOCKS: ReadonlySet<string> = new Set(['notfound.summary', 'usage.problem', 'error.message', 'sync.denied', 'problems.refused']);

/** Blocks of a view that asks the asker to pick (the chooser): only they can answer it. */
const ASKER_ONLY_BLOCKS: ReadonlySet<string> = new Set(['chooser.choices']);

export const isPersonalRequest = (request: SlackRequest): boolean => PERSONAL_REQUESTS.has(request.kind);

/** Whether an answer is for the asker alone (ephemeral) rather than for the thread. */
export const isForAskerOnly = (message: SlackMessage): boolean => {
  const ids = message.blocks.map((block) => block.block_id ?? '');
  return DEAD_END_BLOCKS.has(ids[0] ?? '') || ids.some((id) => ASKER_ONLY_BLOCKS.has(id));
};
