import { entityRefOf } from '../../core/catalog/refs.ts';
import { escapeMrkdwn } from '../../slack/mrkdwn.ts';
import { plannedPostTimeOf } from '../post-slots.ts';
import { DEFAULT_HANDOFF_LEAD_MINUTES } from '../schedule-spec.ts';
import { inheritedFailingRules, inheritedProblems } from './handoff-inheritance.ts';
import { formatLocalTime, handoffLevels, handoffOverrides, nextChangeAfter } from './handoff-levels.ts';
import { oncallHandoffView } from './oncall-handoff-view.ts';
import { ScheduleFailure, type PostContext, type PostType } from './post-type.ts';
import { findScheduleTeam, teamOnCallAt } from './team-on-call.ts';

/**
 * On-call handoff: posted `handoffLead` before a shift change of the team's on-call (its slot is the change itself):
 * who hands over to whom per level, the overrides the incoming shift runs under, and what the next person inherits
 * (open catalog problems of the team's entities, failing lowest-level scorecard rules).
 */

/** The shift change a slot announces (the slot itself); a manual post announces the next one. */
const changeOf = async (context: PostContext): Promise<Date> => {
  if (!context.manual) return context.slot;
  const now = await teamOnCallAt(context.store, context.oncall, context.schedule.team, context.slot);
  const next = nextChangeAfter(now.schedule, context.slot);
  if (!next) throw new ScheduleFailure(`no shift change ahead for ${context.schedule.team}: the on-call shows nobody handing over`);
  return next;
};

/** The message data (templates/messages/README.md documents it). */
export const oncallHandoffData = async (context: PostContext) => {
  const { schedule, store } = context;
  const group = findScheduleTeam(store, schedule.team);
  const at = await changeOf(context);
  // Who is on just before the change (outgoing) and from it (incoming), matched to catalog and Slack users.
  const [before, after] = await Promise.all([
    teamOnCallAt(store, context.oncall, schedule.team, new Date(at.getTime() - 1)),
    teamOnCallAt(store, context.oncall, schedule.team, at),
  ]);
  const levels = handoffLevels(before.schedule, after.schedule, schedule.timezone);
  // From when it is posted, not the lead: quiet hours or a catch-up can post it late, even after the change.
  const postedAt = context.now ?? (context.manual ? context.slot : plannedPostTimeOf(schedule, context.slot));
  const msLeft = at.getTime() - postedAt.getTime();
  return {
    team: { ref: entityRefOf(group), name: group.metadata.title ?? group.metadata.name },
    onCall: { name: after.schedule.name, provider: after.schedule.provider, ...(after.schedule.url ? { url: after.schedule.url } : {}) },
    at: formatLocalTime(at, schedule.timezone),
    atIso: at.toISOString(),
    timezone: schedule.timezone,
    leadMinutes: schedule.handoffLead ?? DEFAULT_HANDOFF_LEAD_MINUTES,
    // Rounded up: a change 20 seconds away is "in 1 min", not "in 0 min".
    minutesLeft: Math.max(0, Math.ceil(msLeft / 60_000)),
    changed: msLeft <= 0,
    levels,
    changing: levels.filter((level) => level.changes).length,
    overrides: handoffOverrides(store, after, at, schedule.timezone),
    problems: inheritedProblems(store, group),
    failing: inheritedFailingRules(store, context.scorecards, group),
    ...(after.chosen.warning ? { warning: after.chosen.warning } : {}),
  };
};

export const oncallHandoffPost: PostType = {
  name: 'oncall-handoff',
  messageNames: ['oncall-handoff'],
  build: async (context) => {
    const data = await oncallHandoffData(context);
    const body = context.messages.render('oncall-handoff', data);
    const when = context.manual ? 'posted by hand' : `slot ${context.slot.toISOString()}`;
    return oncallHandoffView({
      title: `On-call handoff: ${data.team.name} at ${data.at}`,
      body,
      context: `${escapeMrkdwn(data.onCall.name)} (${data.onCall.provider}) · schedule ${context.schedule.id} · ${when}`,
    });
  },
};
