import type { ScheduledMessage } from './post-type.ts';
import { renderedMessageView } from './rendered-message-view.ts';

/** Block Kit for a rendered catalog-health message, cut to Slack's limits (rendered-message-view.ts). */
export const catalogHealthView = (input: { title: string; body: string; context: string }): ScheduledMessage => renderedMessageView(input);
