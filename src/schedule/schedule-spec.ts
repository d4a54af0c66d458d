import type { QuietHours } from './quiet-hours.ts';
import type { PostTypeName } from './posts/post-type-names.ts';

/**
 * One scheduled post: from `schedules:` in callboard.yaml, or a channel's `/callboard subscribe`. Every slot of
 * its cron (read in `timezone`) posts once into `channel`.
 */
export interface ScheduleSpec {
  id: string;
  post: PostTypeName;
  /** scorecard-digest only: the Scorecard entity's name or ref. */
  scorecard?: string;
  /** Only this team's entities (a group ref or name); absent: the whole catalog. */
  team?: string;
  /** A channel id, or a name (`#payments`) resolved when posting. */
  channel: string;
  /** Cron schedules only: a handoff's slots are its team's shift changes, each posted `handoffLead` before. */
  cron?: string;
  timezone: string;
  /** A slot missed while no Callboard process ran: post one catch-up (the latest), or skip. */
  missed: 'once' | 'skip';
  /** oncall-handoff only: minutes before each shift change (default 60). */
  handoffLead?: number;
  quiet?: QuietHours;
  origin: 'config' | 'subscription';
  /** Subscriptions: who subscribed (Slack user id) and when. */
  createdBy?: string;
  createdAt?: Date;
}

/** The job ledger keeps each schedule's slots under this name (`callboard jobs` does not list these). */
export const ledgerJobOf = (scheduleId: string): string => `post:${scheduleId}`;

/** The Slack message metadata event every scheduled post carries, so a restart can find it in the channel. */
export const SCHEDULED_POST_EVENT = 'callboard_scheduled_post';

/** The default minutes before a shift change that a handoff is posted. */
export const DEFAULT_HANDOFF_LEAD_MINUTES = 60;

/** When a schedule posts, in words: its cron, or how long before each shift change. */
export const describeTiming = (spec: Pick<ScheduleSpec, 'post' | 'cron' | 'handoffLead'>): string =>
  spec.post === 'oncall-handoff' ? `${spec.handoffLead ?? DEFAULT_HANDOFF_LEAD_MINUTES} min before each on-call shift change` : `cron ${spec.cron ?? '(none)'}`;
