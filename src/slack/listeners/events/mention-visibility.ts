import type { SlackRequest } from '../../parse/slack-request.ts';

/**
 * Who sees the reply to a mention. An answer goes in the thread for everyone who saw the question;
 * what concerns only the asker goes to them alone: their own housekeeping (below), and any answer a
 * view marks `forAskerOnly` (nothing by that name, a usage hint, a failure, a choice only they can make).
 */

/** Requests whose answers are about the asker (who they are, a sync they started), never the thread's business. */
const PERSONAL_REQUESTS: ReadonlySet<SlackRequest['kind']> = new Set(['help', 'whoami', 'sync']);

export const isPersonalRequest = (request: SlackRequest): boolean => PERSONAL_REQUESTS.has(request.kind);
