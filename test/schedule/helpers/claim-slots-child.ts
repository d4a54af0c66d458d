// One of two processes sharing a database: at the agreed moment, it asks to run the same slots as the other
// and prints one line per slot it actually ran, then its outcomes as JSON.
import { setTimeout as sleep } from 'node:timers/promises';
import { openJobHarness, testJobSpec } from './job-harness.ts';

const [path, startAtText, slotCountText, name] = process.argv.slice(2);
const slots = Array.from({ length: Number(slotCountText) }, (_, i) => new Date(Date.UTC(2026, 11, 5, 10, i * 10)));
const { registry, close } = openJobHarness({
  path: path!,
  specs: [testJobSpec()],
  runners: {
    'test-job': async (slot) => {
      process.stdout.write(`ran ${slot.toISOString()}\n`);
      await sleep(2);
    },
  },
  clock: { now: () => new Date() },
  claimedBy: name!,
});
await sleep(Math.max(0, Number(startAtText) - Date.now()));
const outcomes: string[] = [];
for (const slot of slots) outcomes.push(await registry.runSlot('test-job', slot));
await close();
process.stdout.write(`outcomes ${JSON.stringify(outcomes)}\n`);
