// One of two processes sharing a catalog database and a fake Slack: at the agreed moment, it ticks through the same
// scorecard-digest slots as the other, building real digests, and prints its outcomes as JSON.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FakeSlack } from '../../fakes/slack-api-server.ts';
import { digestBuilder, digestSchedule } from './digest-world.ts';
import { openPostHarness } from './post-harness.ts';

const [path, apiUrl, botToken, startAtText, slotCountText, name, channel] = process.argv.slice(2);
// Every 10 minutes from Monday 08:00 UTC; the clock is set to each slot in turn.
const slots = Array.from({ length: Number(slotCountText) }, (_, i) => new Date(Date.UTC(2026, 11, 7, 8, i * 10)));
let now = new Date(Date.UTC(2026, 11, 7, 7, 0));
const spec = { ...digestSchedule, channel: channel!, cron: '*/10 * * * *', timezone: 'UTC' };
const fake = { apiUrl, botToken } as FakeSlack;
// The clocks jump slots at a time: a day-long lease keeps the other's fresh claim from looking abandoned.
const leaseMs = 24 * 60 * 60_000;
const builder = digestBuilder(path!);
const clock = { now: () => new Date(now) };
const { posts, close } = openPostHarness({ path: path!, fake, specs: () => [spec], clock, claimedBy: name!, leaseMs, build: builder.build });
await posts.start();
await sleep(Math.max(0, Number(startAtText) - Date.now()));
const outcomes: string[] = [];
for (const slot of slots) {
  now = slot;
  outcomes.push((await posts.tick()).get(spec.id) ?? 'none');
}
await close();
builder.close();
process.stdout.write(`outcomes ${JSON.stringify(outcomes)}\n`);
