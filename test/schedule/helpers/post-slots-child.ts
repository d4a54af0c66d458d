// One of two processes sharing a database and a fake Slack (post-from-two-processes.ts): at the agreed moment, it
// ticks through the same slots as the other, posting plain messages or real scorecard digests, and prints its outcomes
// as JSON.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeSlack } from '../../fakes/slack-api-server.ts';
import type { ChildPost } from './post-from-two-processes.ts';
import { openPostHarness, testSchedule } from './post-harness.ts';

const [path, apiUrl, botToken, startAtText, slotCountText, name, post, channel] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  ChildPost,
  string,
];
// Every 10 minutes from Monday 08:00 UTC; the clock is set to each slot in turn.
const slots = Array.from({ length: Number(slotCountText) }, (_, i) => new Date(Date.UTC(2026, 11, 7, 8, i * 10)));
let now = new Date(Date.UTC(2026, 11, 7, 7, 0));
const clock = { now: () => new Date(now) };
const every10Minutes = { channel, cron: '*/10 * * * *', timezone: 'UTC' };
const digests = post === 'digest' ? await import('./digest-world.ts') : undefined;
const builder = digests?.digestBuilder(path);
const spec = digests ? { ...digests.digestSchedule, ...every10Minutes } : testSchedule(every10Minutes);
const fake = { apiUrl, botToken } as FakeSlack;
// Each process's clock jumps 10 minutes a slot on its own, so one may be slots ahead of the other: a 15-minute lease
// would read the other's claim of a moment ago as a stopped process's and settle it again (a real clock does not jump).
const leaseMs = 24 * 60 * 60_000;
const { posts, close } = openPostHarness({ path, fake, specs: () => [spec], clock, claimedBy: name, leaseMs, ...(builder ? { build: builder.build } : {}) });
await posts.start();
await sleep(Math.max(0, Number(startAtText) - Date.now()));
const outcomes: string[] = [];
for (const slot of slots) {
  now = slot;
  outcomes.push((await posts.tick()).get(spec.id) ?? 'none');
}
await close();
builder?.close();
process.stdout.write(`outcomes ${JSON.stringify(outcomes)}\n`);
