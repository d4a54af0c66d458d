import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { entityRefOf } from '../../../core/catalog/refs.ts';
import type { CatalogReader } from '../../../core/ports.ts';
import { describeUnavailablePostType, isPostTypeAvailable } from '../../../schedule/posts/post-types.ts';
import { DEFAULT_SUBSCRIPTION_CRON } from '../../../schedule/posts/post-type-names.ts';
import { formatQuietHours } from '../../../schedule/quiet-hours.ts';
import { describeTiming } from '../../../schedule/schedule-spec.ts';
import type { ScheduleStatus } from '../../../schedule/schedule-status.ts';
import { storedSubscriptionIdOf, type ScheduleSubscriptions } from '../../../schedule/schedule-subscriptions.ts';
import { resolveTeam } from '../../../usecases/list-team-problems.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import type { ScheduleCommand } from '../../parse/parse-schedule-command.ts';
import { webClientTimeZoneOf } from '../../slack-schedule-api.ts';
import { scheduleNoticeView, schedulesView } from '../../views/schedules-view.ts';
import { slackPayload } from '../../views/slack-message.ts';

/** What `/callboard subscribe | unsubscribe | schedules` needs, built by the composition root. */
export interface ScheduleCommandDeps {
  subscriptions: ScheduleSubscriptions;
  /** Every schedule's status (config's and the subscriptions) as of now. */
  statuses: () => Promise<ScheduleStatus[]>;
  now: () => Date;
}

export interface ScheduleCommandArgs extends Pick<SlackCommandMiddlewareArgs, 'ack' | 'respond'> {
  command: Pick<SlackCommandMiddlewareArgs['command'], 'command' | 'text' | 'user_id' | 'channel_id'>;
  /** users.info gives the subscriber's time zone, which the default cron is read in. */
  client: { users: Pick<WebClient['users'], 'info'> };
}

type Subscribe = Extract<ScheduleCommand, { kind: 'subscribe' }>;
type Unsubscribe = Extract<ScheduleCommand, { kind: 'unsubscribe' }>;

const findTeam = (store: CatalogReader, team: string | undefined): { name?: string; ref?: string } | string => {
  if (!team) return {};
  const found = resolveTeam(store, team);
  return found.status === 'found'
    ? { name: found.group.metadata.name, ref: entityRefOf(found.group) }
    : `No team called \`${escapeMrkdwn(team)}\` in the catalog.`;
};

const subscribe = async (parsed: Subscribe, args: ScheduleCommandArgs, deps: ScheduleCommandDeps, store: CatalogReader): Promise<string> => {
  // Refused before anything is stored: a half-built post type never reaches a channel.
  if (!isPostTypeAvailable(parsed.post)) return `Not subscribed: ${describeUnavailablePostType(parsed.post)}.`;
  // Handoffs follow one team's on-call: without a team there is no rotation to follow.
  if (parsed.post === 'oncall-handoff' && !parsed.team)
    return `Not subscribed: handoffs follow one team's on-call; name the team: \`/callboard subscribe ${parsed.word} <team>\`.`;
  const team = findTeam(store, parsed.team);
  if (typeof team === 'string') return `Not subscribed: ${team}`;
  const timezone = await webClientTimeZoneOf(args.client)(args.command.user_id).catch(() => 'UTC');
  const id = storedSubscriptionIdOf(deps.subscriptions.list(), parsed.post, args.command.channel_id, team);
  await deps.subscriptions.save({
    id,
    post: parsed.post,
    ...(team.ref ? { team: team.ref } : {}),
    channel: args.command.channel_id,
    cron: DEFAULT_SUBSCRIPTION_CRON[parsed.post],
    timezone,
    ...(parsed.quiet ? { quiet: formatQuietHours(parsed.quiet) } : {}),
    createdBy: args.command.user_id,
    createdAt: deps.now(),
  });
  const status = (await deps.statuses()).find((candidate) => candidate.id === id);
  const next = status?.next ? ` Next post: <!date^${Math.floor(Date.parse(status.next.postAt) / 1000)}^{date_short_pretty} {time}|${status.next.postAt}>.` : '';
  const quiet = parsed.quiet ? ` Posts falling in quiet hours ${formatQuietHours(parsed.quiet)} wait until they end.` : '';
  const timing = parsed.post === 'oncall-handoff' ? describeTiming({ post: parsed.post }) : `\`${DEFAULT_SUBSCRIPTION_CRON[parsed.post]}\``;
  return `Subscribed <#${args.command.channel_id}> to ${parsed.word}${team.name ? ` for ${team.name}` : ''} (${timing}, ${timezone}).${quiet}${next} \`/callboard unsubscribe ${parsed.word}${team.name ? ` ${team.name}` : ''}\` stops it.`;
};

const unsubscribe = async (parsed: Unsubscribe, args: ScheduleCommandArgs, deps: ScheduleCommandDeps, store: CatalogReader): Promise<string> => {
  const team = findTeam(store, parsed.team);
  // A team since removed from the catalog can still be unsubscribed by the name it had.
  const name = typeof team === 'string' ? parsed.team : team.name;
  const id = storedSubscriptionIdOf(deps.subscriptions.list(), parsed.post, args.command.channel_id, typeof team === 'string' ? (name ? { name } : {}) : team);
  const removed = await deps.subscriptions.delete(id);
  const what = `${parsed.word}${name ? ` for ${escapeMrkdwn(name)}` : ''}`;
  return removed
    ? `Unsubscribed <#${args.command.channel_id}> from ${what}.`
    : `<#${args.command.channel_id}> is not subscribed to ${what}; \`/callboard schedules\` lists what is.`;
};

/** `/callboard subscribe | unsubscribe | schedules`: ack, parse, act, answer privately. */
export const scheduleCommand =
  (deps: ScheduleCommandDeps, store: CatalogReader) =>
  async (parsed: ScheduleCommand, args: ScheduleCommandArgs): Promise<void> => {
    await args.ack();
    if (parsed.kind === 'schedules') return void (await args.respond(slackPayload(schedulesView(await deps.statuses()))));
    const text =
      parsed.kind === 'usage'
        ? parsed.message
        : parsed.kind === 'subscribe'
          ? await subscribe(parsed, args, deps, store)
          : await unsubscribe(parsed, args, deps, store);
    await args.respond(slackPayload(scheduleNoticeView(text)));
  };
