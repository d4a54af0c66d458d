import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { tempDatabase } from './helpers/job-harness.ts';
import { postFromTwoProcesses, postedSlots } from './helpers/post-from-two-processes.ts';

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
    const [first, second] = await postFromTwoProcesses({ path, fake, channel: 'C0PAYMENTS', slotCount, post: 'plain' });

    const slots = postedSlots(fake, 'C0PAYMENTS');
    expect(slots).toHaveLength(slotCount);
    expect(new Set(slots).size).toBe(slotCount);
    const outcomes = [...first!, ...second!];
    expect(outcomes.filter((outcome) => outcome === 'posted')).toHaveLength(slotCount);
    // The other process either lost the claim, or saw the slot already recorded and had nothing due.
    expect(outcomes.filter((outcome) => outcome !== 'posted').every((outcome) => outcome === 'claimed-elsewhere' || outcome === 'none')).toBe(true);
  }, 30_000);
});
