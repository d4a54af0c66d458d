import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { tempDatabase } from './helpers/job-harness.ts';

const childScript = resolve(import.meta.dirname, 'helpers/post-slots-child.ts');

const runChild = (args: string[]): Promise<string[]> =>
  new Promise((resolveOutcomes, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolveOutcomes(
            JSON.parse(
              output
                .trim()
                .split('\n')
                .at(-1)!
                .replace(/^outcomes /, ''),
            ) as string[],
          )
        : reject(new Error(`child exited with ${code}:\n${output}`)),
    );
  });

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ channels: [{ id: 'C0PAYMENTS', name: 'payments' }] });
});
afterAll(() => fake.close());

describe('two Callboard processes posting on one database', () => {
  it('post each slot exactly once between them', async () => {
    const path = tempDatabase();
    openDatabase(path).$client.close(); // migrated once, before either child opens it
    const slotCount = 20;
    const startAt = String(Date.now() + 3_000);
    const args = (name: string) => [path, fake.apiUrl, fake.botToken, startAt, String(slotCount), name];
    const [first, second] = await Promise.all([runChild(args('first:1')), runChild(args('second:2'))]);

    const slots = fake.messages('C0PAYMENTS').map((message) => (message.metadata as { event_payload: { slot: string } }).event_payload.slot);
    expect(slots).toHaveLength(slotCount);
    expect(new Set(slots).size).toBe(slotCount);
    const outcomes = [...first!, ...second!];
    expect(outcomes.filter((outcome) => outcome === 'posted')).toHaveLength(slotCount);
    // The other process either lost the claim, or saw the slot already recorded and had nothing due.
    expect(outcomes.filter((outcome) => outcome !== 'posted').every((outcome) => outcome === 'claimed-elsewhere' || outcome === 'none')).toBe(true);
  }, 30_000);
});
