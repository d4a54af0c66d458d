import { CallboardError } from '../errors.ts';

/**
 * Who is on call, as every provider reports it (PagerDuty, built-in rotations, and the next one). Pure types:
 * adapters fill them in, the views and the CLI's JSON read them.
 */

/** One person on call, as the provider knows them; `ref` and `slackUserId` are added when Callboard can match them. */
export interface OnCallPerson {
  /** Display name. */
  name: string;
  email?: string;
  /** The catalog User whose `spec.profile.email` matches (or the rotation's member ref). */
  ref?: string;
  slackUserId?: string;
}

/** One person's shift at one level; an absent bound is open-ended (PagerDuty returns null for "always on"). */
export interface OnCallShift {
  person: OnCallPerson;
  /** ISO 8601 UTC. */
  from?: string;
  /** ISO 8601 UTC. */
  until?: string;
}

/** One escalation level: level 1 is paged first. */
export interface OnCallLevel {
  level: number;
  /** The layer or escalation rule's name ("primary"), or "Level N" when the provider has none. */
  name: string;
  now: OnCallShift[];
  /** The shift(s) that start when the current one ends. */
  next: OnCallShift[];
}

/** What a provider answers for one source at one instant. */
export interface OnCallSchedule {
  /** The provider's id: `pagerduty`, `rotation`, … */
  provider: string;
  /** The escalation policy's or rotation's name. */
  name: string;
  /** Where to see it at the provider (PagerDuty's escalation policy page); absent for built-in rotations. */
  url?: string;
  /** Level 1 first, no gaps in ordering (levels with nobody on are still listed, with `now: []`). */
  levels: OnCallLevel[];
}

/** What an entity's annotations name for one provider: the provider's id and its own key for the schedule. */
export interface OnCallSource {
  provider: string;
  /** A PagerDuty service id or integration key, a rotation ref (`rotation:default/payments-primary`). */
  id: string;
  /** The annotation that named it, for messages (`pagerduty.com/service-id`). */
  annotation: string;
}

/**
 * A paging tool Callboard can ask. Adding one (incident.io, Grafana OnCall, Jira Service Management) is one file
 * implementing this, listed where the providers are built.
 */
export interface OnCallProvider {
  readonly id: string;
  /**
   * The source an entity's own annotations name for this provider, or undefined when they name none. `entity`
   * says where the annotations were written, for values that are relative refs (read in the entity's namespace).
   */
  sourceFromAnnotations(annotations: Readonly<Record<string, string>>, entity?: { namespace?: string }): OnCallSource | undefined;
  /**
   * Who is on now (at `at`) and next, per level. Throws {@link OnCallUnavailableError} with a reason a person can
   * act on when the provider is down, slow, refuses the token, rate-limits past the deadline or answers nonsense.
   */
  lookup(source: OnCallSource, at: Date, signal?: AbortSignal): Promise<OnCallSchedule>;
}

/** The provider could not answer; `message` is shown as "on-call unavailable: <message>". */
export class OnCallUnavailableError extends CallboardError {
  readonly code = 'oncall_unavailable';
}
