import type { KnownBlock } from '@slack/types';
import type { OnCallLevel, OnCallPerson, OnCallSchedule, OnCallShift } from '../../core/oncall/on-call.ts';
import type { OnCallAnswer } from '../../usecases/oncall/find-oncall.ts';
import { escapeMrkdwn, link, mention, safeUrl, truncate } from '../mrkdwn.ts';
import { contextBlock, headerBlock, plural, sectionBlock } from './blocks.ts';
import type { Audience } from './owner-text.ts';
import { formatShiftTime, readableTimeZone, timeZoneNote } from './shift-time.ts';
import { askerOnlyMessage, ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** What the on-call answer shows besides the use case's answer: names, the reader's zone, who will see it. */
export interface OnCallViewFacts {
  answer: OnCallAnswer;
  /** The entity's display name. */
  entityName: string;
  /** A team (Group) has its own on-call, so the via line and the hint speak of "the team"; a person has none. */
  kind: 'entity' | 'team' | 'person';
  /** The display name of the team whose on-call stands in (origin `owner` / `owner-rotation`). */
  fromName?: string;
  /** The reader's IANA time zone (Slack users.info); absent: UTC, said so. */
  timeZone?: string;
  /** 'shared' (a mention's thread, Share): people are named, never pinged. */
  audience?: Audience;
  /** The instant asked about with `at`, when not now (ISO 8601). */
  at?: string;
  /** The PagerDuty service the catalog names, with its page when `slack.pagerdutyUrl` is set. */
  pagerdutyService?: { serviceId: string; url?: string; from?: string };
  /** Whether PagerDuty lookups are set up (PAGERDUTY_TOKEN); without them a PagerDuty service is only linked. */
  pagerdutyLookups: boolean;
}

/** Levels shown (PagerDuty allows 20); people per level and list. */
const MAX_LEVELS = 10;
const MAX_PEOPLE = 5;

const PROVIDER_NAMES: Record<string, { what: string; where: string }> = {
  pagerduty: { what: 'Escalation policy', where: 'PagerDuty' },
  rotation: { what: 'Rotation', where: 'Callboard' },
};

const providerNames = (provider: string) => PROVIDER_NAMES[provider] ?? { what: 'Schedule', where: provider };

/** A person as the reader sees them: a mention in a private answer when Slack knows them, else the name. */
export const onCallPersonText = (person: OnCallPerson, audience: Audience = 'private'): string =>
  person.slackUserId && audience !== 'shared' ? mention(person.slackUserId) : escapeMrkdwn(truncate(person.name || person.email || 'someone', 80));

const people = (shifts: readonly OnCallShift[], audience: Audience | undefined, describe: (shift: OnCallShift) => string): string => {
  const shown = shifts.slice(0, MAX_PEOPLE).map((shift) => `${onCallPersonText(shift.person, audience)}${describe(shift)}`);
  const more = shifts.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en-US')} more` : ''}`;
};

const untilText = (shift: OnCallShift, zone: string): string => (shift.until ? ` until ${formatShiftTime(shift.until, zone)}` : ' (no end set)');
const fromText = (shift: OnCallShift, zone: string): string =>
  `${shift.from ? ` from ${formatShiftTime(shift.from, zone)}` : ''}${shift.until ? ` until ${formatShiftTime(shift.until, zone)}` : ''}`;

const levelText = (level: OnCallLevel, zone: string, audience: Audience | undefined): string => {
  const title = `*Level ${level.level}${level.name && level.name !== `Level ${level.level}` ? `  ·  ${escapeMrkdwn(truncate(level.name, 80))}` : ''}*`;
  const now = level.now.length > 0 ? people(level.now, audience, (shift) => untilText(shift, zone)) : 'nobody';
  const next = level.next.length > 0 ? people(level.next, audience, (shift) => fromText(shift, zone)) : undefined;
  return [title, `Now: ${now}`, ...(next ? [`Next: ${next}`] : [])].join('\n');
};

/** "via its team's on-call (Payments)", "via the rotation its team owns", "the team's rotation". */
const viaText = (facts: OnCallViewFacts): string | undefined => {
  const chosen = facts.answer.chosen;
  if (!chosen || chosen.origin === 'entity') return undefined;
  const team = facts.fromName ? ` (${escapeMrkdwn(truncate(facts.fromName, 80))})` : '';
  if (chosen.origin === 'owner') return `via its team's on-call${team}`;
  return facts.kind === 'team' ? "the team's rotation" : `via the rotation its team owns${team}`;
};

const scheduleContext = (schedule: OnCallSchedule, facts: OnCallViewFacts): string => {
  const names = providerNames(schedule.provider);
  const parts = [`${names.what} *${escapeMrkdwn(truncate(schedule.name, 120))}*`];
  if (schedule.url && safeUrl(schedule.url)) parts.push(link(schedule.url, `Open in ${names.where}`));
  if (facts.pagerdutyService?.url && schedule.provider === 'pagerduty') parts.push(link(facts.pagerdutyService.url, 'PagerDuty service'));
  const via = viaText(facts);
  if (via) parts.push(via);
  return parts.join('  ·  ');
};

const title = (facts: OnCallViewFacts): string => `On call: ${truncate(facts.entityName, 100)}`;

/** The schedule, level 1 first: who is on now and until when, who is next and from when. */
const scheduleView = (schedule: OnCallSchedule, facts: OnCallViewFacts): SlackMessage => {
  const { zone } = readableTimeZone(facts.timeZone);
  const blocks: KnownBlock[] = [headerBlock(title(facts), 'oncall.header'), contextBlock([scheduleContext(schedule, facts)], 'oncall.source')];
  if (facts.answer.chosen?.warning) blocks.push(sectionBlock(`:warning: ${escapeMrkdwn(truncate(facts.answer.chosen.warning, 600))}`, 'oncall.warning'));
  if (facts.at) blocks.push(contextBlock([`As of ${formatShiftTime(facts.at, zone)}, as you asked.`], 'oncall.at'));
  const levels = schedule.levels.slice(0, MAX_LEVELS);
  levels.forEach((level, index) => blocks.push(sectionBlock(levelText(level, zone, facts.audience), `oncall.level.${index}`)));
  if (levels.length === 0) blocks.push(sectionBlock('Nobody is on call: the schedule has no levels.', 'oncall.level.none'));
  const hidden = schedule.levels.length - levels.length;
  blocks.push(contextBlock([...(hidden > 0 ? [`${plural(hidden, 'more level')} not shown.`] : []), timeZoneNote(facts.timeZone)], 'oncall.time_zone'));
  const first = schedule.levels[0]?.now[0];
  const fallback = first ? `${onCallPersonText(first.person, 'shared')} is on call for ${escapeMrkdwn(truncate(facts.entityName, 80))}` : title(facts);
  return ephemeralMessage(fallback, blocks);
};

/** Where to add an on-call, in one line (the annotation keys, or a Rotation the team owns). */
const howToAdd = (facts: OnCallViewFacts): string =>
  facts.kind === 'team'
    ? "add `pagerduty.com/service-id` or `callboard.dev/rotation` to the team's catalog file, or a Rotation owned by the team (`spec.owner`)."
    : 'add `pagerduty.com/service-id` or `callboard.dev/rotation` to its catalog file or its team’s, or a Rotation owned by its team (`spec.owner`).';

/** No schedule: PagerDuty named but not looked up (its link kept), or nothing named at all (how to add one). */
const noScheduleText = (facts: OnCallViewFacts): string => {
  const name = escapeMrkdwn(truncate(facts.entityName, 80));
  const service = facts.pagerdutyService;
  if (service && !facts.pagerdutyLookups) {
    const from = service.from ? ` (via ${escapeMrkdwn(truncate(service.from, 120))})` : '';
    const target = service.url ? link(service.url, service.serviceId) : `\`${escapeMrkdwn(service.serviceId)}\``;
    return `PagerDuty lookups are not set up (PAGERDUTY_TOKEN), so Callboard cannot say who is on call for ${name}. Its PagerDuty service${from}: ${target}.`;
  }
  if (facts.kind === 'person') return `${name} is a person, not a service or a team: ask who is on call for a service or a team.`;
  return `No on-call is configured for ${name}: ${howToAdd(facts)}`;
};

/**
 * `/oncall <entity|team>` and "who is on call for X?": per level, level 1 first, who is on now (until when, in the
 * reader's time zone) and next; the escalation policy or rotation with a link to it; where it came from; the warning.
 * A provider that failed is one line, "on-call unavailable: <reason>".
 */
export const onCallView = (facts: OnCallViewFacts): SlackMessage => {
  const { answer } = facts;
  if (answer.schedule) return scheduleView(answer.schedule, facts);
  if (answer.unavailable) {
    const via = viaText(facts);
    const service = facts.pagerdutyService?.url ? ` PagerDuty service: ${link(facts.pagerdutyService.url, facts.pagerdutyService.serviceId)}` : '';
    const text = `${escapeMrkdwn(truncate(facts.entityName, 80))}: on-call unavailable: ${escapeMrkdwn(truncate(answer.unavailable.replace(/\.$/, ''), 500))}${via ? ` (${via})` : ''}.${service}`;
    return ephemeralMessage(text, [sectionBlock(text, 'oncall.unavailable')]);
  }
  const text = noScheduleText(facts);
  return askerOnlyMessage(text, [sectionBlock(text, 'oncall.none')]);
};

/** What a card needs for its on-call line: the lookup's answer and the reader's time zone. */
export interface OnCallCardLine {
  answer: OnCallAnswer;
  timeZone?: string;
}

/**
 * On-call in one line for the `/owner` and team cards and App Home: level 1 now, until when. Undefined when nothing
 * is configured (the card says nothing rather than nag); a failure says so in the line.
 */
export const onCallLine = (answer: OnCallAnswer, ctx: { timeZone?: string; audience?: Audience }): string | undefined => {
  if (answer.unavailable) return `*On call*  on-call unavailable: ${escapeMrkdwn(truncate(answer.unavailable, 300))}`;
  const schedule = answer.schedule;
  if (!schedule) return undefined;
  const { zone } = readableTimeZone(ctx.timeZone);
  const level = schedule.levels[0];
  const now = level && level.now.length > 0 ? people(level.now, ctx.audience, (shift) => untilText(shift, zone)) : 'nobody';
  const names = providerNames(schedule.provider);
  const source = schedule.url && safeUrl(schedule.url) ? link(schedule.url, truncate(schedule.name, 80)) : escapeMrkdwn(truncate(schedule.name, 80));
  return `*On call*  ${now}  ·  ${names.what.toLowerCase()} ${source}`;
};
