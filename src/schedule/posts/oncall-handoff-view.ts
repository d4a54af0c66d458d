import type { ScheduledMessage } from './post-type.ts';
import { renderedMessageView } from './rendered-message-view.ts';

/**
 * Block Kit for a rendered handoff: a header naming the team and the change, the template's text in sections cut
 * to Slack's limits (rendered-message-view.ts), and a context line naming the on-call and the slot.
 */
export const oncallHandoffView = (input: { title: string; body: string; context: string }): ScheduledMessage => renderedMessageView(input);
