import { WebClient } from '@slack/web-api';
import { createSilentLogger } from '../../fakes/slack/silent-logger.ts';
import type { FakeSlack } from '../../fakes/slack-api-server.ts';
import type { ScheduledMessage } from '../../../src/schedule/posts/post-type.ts';
import type { SchedulePostApi } from '../../../src/schedule/schedule-post-api.ts';
import type { HandoffShifts } from '../../../src/schedule/post-slots.ts';
import { ScheduledPosts } from '../../../src/schedule/scheduled-posts.ts';
import type { ScheduleSpec } from '../../../src/schedule/schedule-spec.ts';
import { webClientScheduleApi } from '../../../src/slack/slack-schedule-api.ts';
import { openDatabase } from '../../../src/store/open-database.ts';
import { SqliteJobLedger } from '../../../src/store/sqlite-job-ledger.ts';
import { WriteQueue } from '../../../src/store/write-queue.ts';
import { capturedLog } from './job-harness.ts';

/** A catalog-health schedule on Mondays at 09:00 in Berlin, posting into C0PAYMENTS (override what a test needs). */
export const testSchedule = (overrides: Partial<ScheduleSpec> = {}): ScheduleSpec => ({
  id: 'health-weekly',
  post: 'catalog-health',
  channel: 'C0PAYMENTS',
  cron: '0 9 * * MON',
  timezone: 'Europe/Berlin',
  missed: 'once',
  origin: 'config',
  ...overrides,
});

/** A Web API client on the fake: one quick retry (a 429 is waited out by the client itself), no logging. */
export const fakeClient = (fake: FakeSlack): WebClient =>
  new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 }, logger: createSilentLogger() });

export interface PostHarnessOptions {
  path: string;
  fake: FakeSlack;
  specs: () => ScheduleSpec[];
  clock: { now(): Date };
  claimedBy?: string;
  /** How long a post may go unanswered before its answer counts as lost (default 10 s). */
  postTimeoutMs?: number;
  /** The claim lease (default 15 min). */
  leaseMs?: number;
  /** Wraps the Web API adapter (to hold a call back, say). */
  wrapApi?: (api: SchedulePostApi) => SchedulePostApi;
  /** Builds the real messages, given this process's ledger (default: a message naming the schedule and slot). */
  build?: (ledger: SqliteJobLedger) => (spec: ScheduleSpec, slot: Date, manual: boolean) => Promise<ScheduledMessage>;
  /** Handoff schedules' team shifts (their slots); absent: handoffs cannot be timed. */
  handoffShifts?: HandoffShifts;
}

/**
 * One Callboard process's scheduled posts as `npm start` builds them (a writer connection behind a WriteQueue, a
 * reader connection, the Web API adapter) on a database file; a second harness on the file is a restart or a
 * second process. The message names its schedule and slot, so a test sees what was posted for which slot.
 */
export const openPostHarness = (options: PostHarnessOptions) => {
  const writer = openDatabase(options.path).$client;
  const reader = openDatabase(options.path, { migrate: false }).$client;
  const ledger = new SqliteJobLedger({
    queue: new WriteQueue(writer),
    writer,
    reader,
    clock: options.clock,
    ...(options.claimedBy ? { claimedBy: options.claimedBy } : {}),
  });
  const { log, lines } = capturedLog();
  const built: string[] = [];
  const build = async (spec: ScheduleSpec, slot: Date, manual: boolean): Promise<ScheduledMessage> => {
    const text = `${spec.id} ${manual ? 'manual' : slot.toISOString()}`;
    built.push(text);
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  };
  const channels = { channelIdsByName: async () => new Map<string, string>() };
  // The post client's own: no retries; a 429's Retry-After is not waited for real.
  const api = webClientScheduleApi(fakeClient(options.fake), channels, {
    logger: createSilentLogger(),
    sleep: async () => {},
    ...(options.postTimeoutMs ? { postTimeoutMs: options.postTimeoutMs } : {}),
  });
  const posts = new ScheduledPosts({
    specs: options.specs,
    ledger,
    api: options.wrapApi ? options.wrapApi(api) : api,
    build: options.build ? options.build(ledger) : build,
    ...(options.handoffShifts ? { handoffShifts: options.handoffShifts } : {}),
    clock: options.clock,
    log,
    timed: false,
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  });
  const close = async () => {
    await posts.stop();
    reader.close();
    writer.close();
  };
  return { posts, ledger, lines, built, writer, close };
};
