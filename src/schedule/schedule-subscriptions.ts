import type { ScheduleConfig } from '../config/schedules-schema.ts';
import { parseQuietHours } from './quiet-hours.ts';
import type { PostTypeName } from './posts/post-type-names.ts';
import type { ScheduleSpec } from './schedule-spec.ts';

/** A channel's subscription as stored (`/callboard subscribe health payments-team quiet 20:00-08:00`). */
export interface ScheduleSubscription {
  id: string;
  post: string;
  /** Canonical group ref; absent for the whole catalog. */
  team?: string;
  /** The channel id it was made in. */
  channel: string;
  cron: string;
  timezone: string;
  quiet?: string;
  createdBy: string;
  createdAt: Date;
}

export interface ScheduleSubscriptions {
  list(): ScheduleSubscription[];
  /** Adds it, or updates the cron, time zone and quiet hours of the one with its id. */
  save(subscription: ScheduleSubscription): Promise<void>;
  /** False when there was none. */
  delete(id: string): Promise<boolean>;
}

/** One subscription per channel, post type and team: `health.C0PAYMENTS.payments-team` (`all` for no team). */
export const subscriptionIdOf = (post: PostTypeName, channel: string, teamName: string | undefined): string => `${post}.${channel}.${teamName ?? 'all'}`;

export const specOfSubscription = (subscription: ScheduleSubscription): ScheduleSpec => {
  const quiet = subscription.quiet ? parseQuietHours(subscription.quiet) : undefined;
  return {
    id: subscription.id,
    post: subscription.post as PostTypeName,
    ...(subscription.team ? { team: subscription.team } : {}),
    channel: subscription.channel,
    cron: subscription.cron,
    timezone: subscription.timezone,
    missed: 'once',
    ...(quiet ? { quiet } : {}),
    origin: 'subscription',
    createdBy: subscription.createdBy,
    createdAt: subscription.createdAt,
  };
};

export const specOfConfig = (schedule: ScheduleConfig): ScheduleSpec => {
  const quiet = schedule.quiet ? parseQuietHours(schedule.quiet) : undefined;
  return {
    id: schedule.id,
    post: schedule.post,
    ...(schedule.scorecard ? { scorecard: schedule.scorecard } : {}),
    ...(schedule.team ? { team: schedule.team } : {}),
    channel: schedule.channel,
    cron: schedule.cron,
    timezone: schedule.timezone,
    missed: schedule.missed,
    ...(schedule.post === 'oncall-handoff' ? { handoffLead: schedule.handoffLead ?? 60 } : {}),
    ...(quiet ? { quiet } : {}),
    origin: 'config',
  };
};

/**
 * Every schedule: config's first, then the subscriptions. A stored subscription whose post type this build cannot
 * send (written by another version) is left out rather than half-posted.
 */
export const allScheduleSpecs = (
  schedules: readonly ScheduleConfig[],
  subscriptions: ScheduleSubscriptions,
  isAvailable: (post: string) => boolean,
): ScheduleSpec[] => [
  ...schedules.map(specOfConfig),
  ...subscriptions
    .list()
    .filter((subscription) => isAvailable(subscription.post))
    .map(specOfSubscription),
];
