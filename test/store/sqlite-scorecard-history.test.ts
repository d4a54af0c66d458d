import { afterEach, describe, expect, it } from 'vitest';
import type { ResultChange } from '../../src/core/scorecards/diff-results.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteScorecardResults } from '../../src/store/sqlite-scorecard-results.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';

const CARD = 'scorecard:default/readiness';

const change = (entityRef: string, scorecard = CARD): ResultChange => ({
  scorecard,
  entityRef,
  status: 'changed',
  from: 'bronze',
  to: 'silver',
  move: 'up',
  rules: [{ id: 'runbook', level: 'silver', from: 'failed', to: 'passed' }],
  causes: [{ id: 'runbook', level: 'silver', from: 'failed', to: 'passed' }],
});

const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

const storeWithHistory = async () => {
  const db = openDatabase(':memory:').$client;
  open.push(db);
  const store = new SqliteScorecardResults({ queue: new WriteQueue(db), writer: db, reader: db });
  const write = (at: string, changes: ResultChange[]) => store.write({ at: new Date(at), upserts: [], removals: [], changes, stamps: [] });
  await write('2026-12-01T06:00:00Z', [change('component:default/a')]);
  await write('2026-12-07T08:00:00Z', [change('component:default/b')]);
  await write('2026-12-08T06:00:00Z', [change('component:default/c'), change('component:default/c', 'scorecard:default/other')]);
  await write('2026-12-10T06:00:00Z', [change('component:default/d')]);
  return store;
};

describe('SqliteScorecardResults.historyBetween', () => {
  it("gives a scorecard's rows after one time and up to another, oldest first, as they were written", async () => {
    const store = await storeWithHistory();
    const rows = store.historyBetween(CARD, new Date('2026-12-07T08:00:00Z'), new Date('2026-12-10T06:00:00Z'));
    expect(rows.map((row) => [row.entityRef, row.at.toISOString()])).toEqual([
      ['component:default/c', '2026-12-08T06:00:00.000Z'],
      ['component:default/d', '2026-12-10T06:00:00.000Z'],
    ]);
    expect(rows[0]).toEqual({ ...change('component:default/c'), at: new Date('2026-12-08T06:00:00Z') });
  });

  it('has no upper bound when none is given', async () => {
    const store = await storeWithHistory();
    expect(store.historyBetween(CARD, new Date('2026-12-01T06:00:00Z')).map((row) => row.entityRef)).toEqual([
      'component:default/b',
      'component:default/c',
      'component:default/d',
    ]);
  });
});
