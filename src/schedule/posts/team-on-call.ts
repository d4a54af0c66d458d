import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { OnCallSchedule } from '../../core/oncall/on-call.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { resolveTeam } from '../../usecases/list-team-problems.ts';
import { findOnCall, type OnCallAnswer } from '../../usecases/oncall/find-oncall.ts';
import { ScheduleFailure, type PostOnCall } from './post-type.ts';

/** A team's on-call answer with a schedule: what a handoff reads. */
export type TeamOnCall = OnCallAnswer & Required<Pick<OnCallAnswer, 'chosen' | 'schedule'>>;

/** The schedule's team as a catalog Group; a team the catalog does not know fails the slot, saying what to fix. */
export const findScheduleTeam = (store: CatalogReader, team: string | undefined): Entity => {
  if (!team) throw new ScheduleFailure('oncall-handoff needs a team: set the schedule\'s team (or subscribe with "/callboard subscribe handoffs <team>")');
  const found = resolveTeam(store, team);
  if (found.status === 'found') return found.group;
  throw new ScheduleFailure(`team ${team} is not a Group in the catalog; fix the schedule's team`);
};

/**
 * Who is on call for a team at `at` (the rotation or PagerDuty schedule chooseOnCallSource picks for the group).
 * Throws ScheduleFailure "on-call unavailable: <reason>" when the provider cannot answer, and says what to add
 * when the team has no on-call at all.
 */
export const teamOnCallAt = async (store: CatalogReader, oncall: PostOnCall | undefined, team: string | undefined, at: Date): Promise<TeamOnCall> => {
  const group = findScheduleTeam(store, team);
  const ref = entityRefOf(group);
  if (!oncall) throw new ScheduleFailure('on-call unavailable: no on-call providers are configured in this process');
  const answer = await findOnCall({ ...oncall, catalog: store }, ref, at);
  if (answer.unavailable) throw new ScheduleFailure(`on-call unavailable: ${answer.unavailable}`);
  if (!answer.chosen || !answer.schedule)
    throw new ScheduleFailure(
      `${ref} has no on-call: give it a Rotation (spec.owner: ${ref}) or the annotation callboard.dev/rotation or pagerduty.com/service-id`,
    );
  return answer as TeamOnCall;
};

/** For slot times only: the team's shifts, without Slack lookups. */
export const teamShiftsAt = async (store: CatalogReader, oncall: PostOnCall | undefined, team: string | undefined, at: Date): Promise<OnCallSchedule> => {
  const withoutSlack = oncall
    ? { providers: oncall.providers, timeoutMs: oncall.timeoutMs, ...(oncall.logError ? { logError: oncall.logError } : {}) }
    : undefined;
  return (await teamOnCallAt(store, withoutSlack, team, at)).schedule;
};
