import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../core/ports.ts';
import type { ScheduleCommandDeps } from '../slack/listeners/schedules/schedule-command.ts';
import { messageMadeAt, type PostLedger } from './post-ledger.ts';
import { PostSlots, type HandoffShifts } from './post-slots.ts';
import { buildOnCallProviders } from '../oncall-runtime.ts';
import { teamShiftsAt } from './posts/team-on-call.ts';
import { describeSchedules } from './schedule-status.ts';
import type { SchedulePostApi } from './schedule-post-api.ts';
import { ScheduledPosts } from './scheduled-posts.ts';
import type { Config } from '../config/load-config.ts';
import type { CatalogReader } from '../core/ports.ts';
import { loadMessageTemplates, type MessageTemplates } from '../messages/message-templates.ts';
import type { TemplateSummary } from '../scaffolder/scaffolder.ts';
import type { PostContext, PostOnCall, ScheduledMessage } from './posts/post-type.ts';
import { isPostTypeAvailable, loadPostType, postMessageNames } from './posts/post-types.ts';
import { allScheduleSpecs, type ScheduleSubscriptions } from './schedule-subscriptions.ts';
import { ledgerJobOf, type ScheduleSpec } from './schedule-spec.ts';

/**
 * The message files of every registered post type, with `postMessages` overrides. A missing or broken file, or an
 * override naming a message no post type sends, fails here at start-up naming `postMessages.<name>`.
 */
export const loadPostMessages = (config: Pick<Config, 'postMessages' | 'scaffolder'>): MessageTemplates<string> =>
  loadMessageTemplates({
    names: postMessageNames(),
    overrides: config.postMessages,
    configKey: 'postMessages',
    defaultsDir: join(config.scaffolder.templatesDir, 'messages'),
  });

export interface PostBuilderDeps {
  store: CatalogReader;
  messages: MessageTemplates<string>;
  templates?: () => readonly TemplateSummary[];
  scorecards?: PostContext['scorecards'];
  /** Where the previous post of each schedule is found (`previousPostAt`). */
  ledger?: Pick<PostLedger, 'postBefore'>;
  /** On-call lookups for handoffs and catalog health; absent: handoffs fail saying so. */
  oncall?: PostOnCall;
  /** Built docs, once the docs builder is wired (catalog health's failed builds). */
  docs?: PostContext['docs'];
}

/** The configuration's on-call providers for scheduled posts (each lookup within `oncall.timeoutMs`). */
export const buildPostOnCall = (config: Pick<Config, 'oncall'>, store: CatalogReader): PostOnCall => ({
  providers: buildOnCallProviders(config, store, { timeoutMs: config.oncall.timeoutMs }),
  timeoutMs: config.oncall.timeoutMs,
});

/** A handoff schedule's slot source: its team's shifts, asked through the same providers (no Slack lookups). */
export const handoffShiftsOf =
  (store: CatalogReader, oncall: PostOnCall | undefined): HandoffShifts =>
  (spec, at) =>
    teamShiftsAt(store, oncall, spec.team, at);

/** A channel id, which a post's recorded channel can be compared with (a name is resolved only when posting). */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/**
 * When the schedule's previous message was made (`messageMadeAt`: its claim, or its Slack `ts` when a takeover since
 * moved the claim) for the latest earlier slot that was posted or is being posted, unless that message went to
 * another channel than the schedule names now. A slot in flight counts, so back-to-back slots in two processes agree
 * on which came first.
 */
export const previousPostOf = (ledger: Pick<PostLedger, 'postBefore'> | undefined, schedule: ScheduleSpec, slot: Date): Date | undefined => {
  const last = ledger?.postBefore(ledgerJobOf(schedule.id), slot.toISOString());
  if (!last) return undefined;
  // A post still in flight has no channel yet: it goes where the schedule names now.
  if (last.post && CHANNEL_ID.test(schedule.channel) && last.post.channel !== schedule.channel) return undefined;
  return messageMadeAt(last);
};

/** Builds a schedule's message with its post type (loaded on first use). */
export const createPostBuilder =
  (deps: PostBuilderDeps) =>
  async (schedule: ScheduleSpec, slot: Date, manual: boolean, now?: Date): Promise<ScheduledMessage> => {
    const type = await loadPostType(schedule.post);
    const previousPostAt = previousPostOf(deps.ledger, schedule, slot);
    return type.build({
      schedule,
      slot,
      ...(now ? { now } : {}),
      manual,
      store: deps.store,
      messages: deps.messages,
      ...(deps.templates ? { templates: deps.templates } : {}),
      ...(deps.scorecards ? { scorecards: deps.scorecards } : {}),
      ...(deps.oncall ? { oncall: deps.oncall } : {}),
      ...(deps.docs ? { docs: deps.docs } : {}),
      ...(previousPostAt ? { previousPostAt } : {}),
    });
  };

/** Config's schedules and the stored subscriptions, read fresh each time. */
export const scheduleSpecsOf = (config: Pick<Config, 'schedules'>, subscriptions: ScheduleSubscriptions) => (): ScheduleSpec[] =>
  allScheduleSpecs(config.schedules, subscriptions, isPostTypeAvailable);

export interface ScheduledPostsWiring {
  /** `oncall` builds the providers handoffs ask, unless `builder.oncall` is given; with neither, handoffs fail saying so. */
  config: Pick<Config, 'schedules'> & Partial<Pick<Config, 'oncall'>>;
  subscriptions: ScheduleSubscriptions;
  ledger: PostLedger;
  builder: PostBuilderDeps;
  log: Logger;
  clock?: Clock;
}

/**
 * What `npm start` runs: the scheduled posts (once Slack is up) and the `/callboard subscribe | unsubscribe |
 * schedules` side, over the same schedules and ledger.
 */
export const createScheduledPostsRuntime = (wiring: ScheduledPostsWiring) => {
  const clock = wiring.clock ?? { now: () => new Date() };
  const specs = scheduleSpecsOf(wiring.config, wiring.subscriptions);
  const { oncall: oncallConfig } = wiring.config;
  const oncall = wiring.builder.oncall ?? (oncallConfig ? buildPostOnCall({ oncall: oncallConfig }, wiring.builder.store) : undefined);
  const handoffShifts = handoffShiftsOf(wiring.builder.store, oncall);
  const slots = new PostSlots({ handoffShifts });
  const commands: ScheduleCommandDeps = {
    subscriptions: wiring.subscriptions,
    statuses: () => describeSchedules(specs(), wiring.ledger, slots, clock.now()),
    now: () => clock.now(),
  };
  /** `slackIdsByEmail` (the Slack app's member directory) turns the names in a handoff into mentions. */
  const start = async (api: SchedulePostApi, slackIdsByEmail?: PostOnCall['slackIdsByEmail']): Promise<ScheduledPosts> => {
    const withSlack = oncall && slackIdsByEmail ? { ...oncall, slackIdsByEmail } : oncall;
    const posts = new ScheduledPosts({
      specs,
      ledger: wiring.ledger,
      api,
      build: createPostBuilder({ ledger: wiring.ledger, ...wiring.builder, ...(withSlack ? { oncall: withSlack } : {}) }),
      clock,
      log: wiring.log,
      handoffShifts,
    });
    await posts.start();
    return posts;
  };
  return { specs, commands, start, close: () => slots.close() };
};
