import { z } from 'zod';
import { isCronExpression, isKnownTimeZone } from './field-checks.ts';
import { parseQuietHours } from '../schedule/quiet-hours.ts';
import { POST_TYPE_NAMES } from '../schedule/posts/post-type-names.ts';
import { availablePostTypes, isPostTypeAvailable } from '../schedule/posts/post-types.ts';

/**
 * `schedules:` in callboard.yaml — posts Callboard makes on a schedule, once per slot. Everything that can be
 * checked without Slack or the catalog is checked here, so a typo stops start-up with the key named
 * (`schedules[2].timezone: got "Europe/Berln" — expected an IANA time zone …`); a scorecard or channel that does
 * not exist can only be found when posting, and marks the schedule failing.
 */

const CRON_EXPECTED = 'a cron expression of 5 fields, or 6 with seconds first, such as "0 9 * * MON"';

const scheduleSchema = z
  .object({
    // Names the schedule in `callboard post <id>`, `callboard schedules` and the ledger.
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes such as "readiness-weekly"'),
    post: z.enum(POST_TYPE_NAMES),
    scorecard: z.string().min(1).optional(),
    team: z.string().min(1).optional(),
    channel: z.string().regex(/^#?[a-z0-9][a-z0-9._-]*$|^[CG][A-Z0-9]{2,}$/, 'a channel name such as "#payments" or a channel id such as "C0123ABCD"'),
    cron: z.string().refine(isCronExpression, CRON_EXPECTED).optional(),
    timezone: z.string().refine(isKnownTimeZone, 'an IANA time zone name such as "Europe/Berlin" or "UTC"').default('UTC'),
    missed: z.enum(['once', 'skip']).default('once'),
    // Minutes before each shift change (oncall-handoff only); at most a week.
    handoffLead: z
      .number()
      .refine((minutes) => Number.isInteger(minutes) && minutes >= 1 && minutes <= 10_080, 'whole minutes from 1 to 10080 (a week), such as 60')
      .optional(),
    quiet: z
      .string()
      .refine((text) => parseQuietHours(text) !== undefined, 'quiet hours as "HH:MM-HH:MM" such as "20:00-08:00"')
      .optional(),
  })
  .strict();

type ScheduleInput = z.output<typeof scheduleSchema>;

/** A handoff follows its team's on-call (so it needs a team and takes no cron); every other post needs a cron. */
const checkTiming = (schedule: ScheduleInput, issue: (key: string, message: string) => void): void => {
  if (schedule.post !== 'oncall-handoff') {
    if (schedule.cron === undefined) issue('cron', CRON_EXPECTED);
    return;
  }
  if (schedule.team === undefined) issue('team', 'the team whose on-call hands over (oncall-handoff schedules need one), such as "group:payments-team"');
  if (schedule.cron !== undefined)
    issue('cron', "no cron: oncall-handoff posts follow the team's on-call, handoffLead minutes (default 60) before each shift change; remove cron");
};

const checkSchedules = (schedules: ScheduleInput[], ctx: z.RefinementCtx): void => {
  const firstIndexOf = new Map<string, number>();
  schedules.forEach((schedule, index) => {
    const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [index, key], message, input: schedule });
    const first = firstIndexOf.get(schedule.id);
    if (first !== undefined) issue('id', `an id no other schedule has (schedules[${first}] is also "${schedule.id}")`);
    else firstIndexOf.set(schedule.id, index);
    if (!isPostTypeAvailable(schedule.post))
      issue('post', `a post type this version of Callboard can send (${availablePostTypes().join(', ')}); ${schedule.post} posts are not available yet`);
    if (schedule.post === 'scorecard-digest' && schedule.scorecard === undefined)
      issue('scorecard', 'the name of the Scorecard to digest (scorecard-digest schedules need one)');
    if (schedule.post !== 'scorecard-digest' && schedule.scorecard !== undefined) issue('scorecard', `no scorecard: only scorecard-digest schedules take one`);
    if (schedule.post !== 'oncall-handoff' && schedule.handoffLead !== undefined)
      issue('handoffLead', 'no handoffLead: only oncall-handoff schedules take one');
    checkTiming(schedule, issue);
  });
};

export const schedulesSchema = z.array(scheduleSchema).superRefine(checkSchedules);

/**
 * Replacement message files for scheduled posts, by message name (`catalog-health: messages/our-health.hbs`),
 * relative to the config file, as `scaffolder.messages` does for run messages.
 */
export const postMessagesSchema = z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'a message name such as "catalog-health"'), z.string().min(1));

export type ScheduleConfig = z.output<typeof scheduleSchema>;
