import type { ScheduleConfig } from '../config/schedules-schema.ts';
import { parseQuietHours } from './quiet-hours.ts';
import type { PostTypeName } from './posts/post-type-names.ts';
import { DEFAULT_HANDOFF_LEAD_MINUTES, type ScheduleSpec } from './schedule-spec.ts';

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

/**
 * One subscription per channel, post type and team: `health.C0PAYMENTS.group:default/payments-team` (`all` for no
 * team). The team's full ref, so two teams of one name in different namespaces are two subscriptions.
 */
export const subscriptionIdOf = (post: PostTypeName, channel: string, teamRef: string | undefined): string => `${post}.${channel}.${teamRef ?? 'all'}`;

/** The id earlier versions stored: the team's name only (`health.C0PAYMENTS.payments-team`). */
const legacySubscriptionIdOf = (post: PostTypeName, channel: string, teamName: string): string => `${post}.${channel}.${teamName}`;

const nameOfRef = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

/**
 * The id of the channel's subscription to `post` for `team`, as stored: a subscription saved under the old name-only
 * id keeps it (so subscribing again updates it rather than adding a second one, and unsubscribing removes it). Without
 * a ref (a team since removed from the catalog) the stored subscription for a team of that name is found.
 */
export const storedSubscriptionIdOf = (
  stored: readonly ScheduleSubscription[],
  post: PostTypeName,
  channel: string,
  team: { name?: string; ref?: string },
): string => {
  if (!team.name && !team.ref) return subscriptionIdOf(post, channel, undefined);
  const ours = stored.filter((subscription) => subscription.post === post && subscription.channel === channel);
  if (team.ref) {
    const id = subscriptionIdOf(post, channel, team.ref);
    if (ours.some((subscription) => subscription.id === id)) return id;
    const legacy = legacySubscriptionIdOf(post, channel, team.name ?? nameOfRef(team.ref));
    return ours.some((subscription) => subscription.id === legacy && subscription.team === team.ref) ? legacy : id;
  }
  const name = team.name!;
  const legacy = legacySubscriptionIdOf(post, channel, name);
  if (ours.some((subscription) => subscription.id === legacy)) return legacy;
  const byName = ours.find((subscription) => subscription.team !== undefined && nameOfRef(subscription.team) === name);
  return byName ? byName.id : legacy;
};

export const specOfSubscription = (subscription: ScheduleSubscription): ScheduleSpec => {
  const quiet = subscription.quiet ? parseQuietHours(subscription.quiet) : undefined;
  return {
    id: subscription.id,
    post: subscription.post as PostTypeName,
    ...(subscription.team ? { team: subscription.team } : {}),
    channel: subscription.channel,
    // A handoff subscription's stored cron is not read: its slots are the team's shift changes.
    ...(subscription.post === 'oncall-handoff' ? { handoffLead: DEFAULT_HANDOFF_LEAD_MINUTES } : { cron: subscription.cron }),
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
    ...(schedule.cron !== undefined ? { cron: schedule.cron } : {}),
    timezone: schedule.timezone,
    missed: schedule.missed,
    ...(schedule.post === 'oncall-handoff' ? { handoffLead: schedule.handoffLead ?? DEFAULT_HANDOFF_LEAD_MINUTES } : {}),
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
