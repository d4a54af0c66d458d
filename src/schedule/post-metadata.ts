import { SCHEDULED_POST_EVENT } from './schedule-spec.ts';
import type { ScheduledPostMetadata } from './schedule-post-api.ts';

/** Slack's clock and ours may differ: a slot's message is looked for from a little before it could have been sent. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The metadata every scheduled post carries, so a restart can find the slot's message in the channel. */
export const scheduledPostMetadataFor = (scheduleId: string, slot: string): ScheduledPostMetadata => ({
  event_type: SCHEDULED_POST_EVENT,
  event_payload: { schedule: scheduleId, slot },
});
