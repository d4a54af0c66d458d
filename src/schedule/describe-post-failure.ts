import { ScheduleFailure } from './posts/post-type.ts';
import type { ScheduleSpec } from './schedule-spec.ts';
import { slackErrorCode } from './schedule-post-api.ts';

const where = (spec: ScheduleSpec): string => (spec.origin === 'config' ? `schedules (id ${spec.id})` : `the subscription ${spec.id}`);

/**
 * Why a slot could not be posted, in words that say what to do: shown as the schedule's failing reason in
 * `/callboard schedules` and `callboard schedules`, and kept in the ledger.
 */
export const describePostFailure = (error: unknown, spec: ScheduleSpec): string => {
  if (error instanceof ScheduleFailure) return error.message;
  switch (slackErrorCode(error)) {
    case 'not_in_channel':
      return `not_in_channel: Callboard is not a member of ${spec.channel}; invite it there (/invite @Callboard)`;
    case 'channel_not_found':
      return `channel_not_found: Slack knows no channel ${spec.channel} that Callboard can see (a typo, a private channel it is not in, or deleted); fix the channel in ${where(spec)}`;
    case 'is_archived':
      return `is_archived: ${spec.channel} is archived; choose another channel in ${where(spec)}`;
    case undefined:
      return error instanceof Error ? error.message : String(error);
    default:
      return `Slack refused the post: ${slackErrorCode(error)}`;
  }
};
