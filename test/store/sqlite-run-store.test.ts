import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/scaffolder/run-record.ts';
import { openDatabase } from '../../src/store/open-database.ts';
import { SqliteRunStore } from '../../src/store/sqlite-run-store.ts';
import { WriteQueue } from '../../src/store/write-queue.ts';
import { manualClock, tempDatabase } from '../schedule/helpers/job-harness.ts';

const connections: Database.Database[] = [];
afterEach(() => connections.splice(0).forEach((client) => client.close()));

const openStore = (path: string) => {
  const writer = openDatabase(path).$client;
  const reader = openDatabase(path, { migrate: false }).$client;
  connections.push(writer, reader);
  return new SqliteRunStore({ queue: new WriteQueue(writer), writer, reader, clock: manualClock('2026-12-06T10:00:00Z') });
};

const runRecord = (id: string, overrides: Partial<RunRecord> = {}): RunRecord => ({
  id,
  templateRef: 'template:default/service',
  templateTitle: 'Service',
  templateEtag: 'etag-1',
  createdBy: 'user:default/alice',
  createdAt: '2026-12-06T09:00:00.000Z',
  status: 'running',
  values: { name: 'checkout', nested: { tags: ['a'] } },
  steps: [{ id: 'fetch', name: 'Fetch', action: 'fetch:template', status: 'pending', log: [] }],
  approvals: [],
  slack: { channel: 'C1', ts: '1.2' },
  dryRun: false,
  ...overrides,
});

describe('SqliteRunStore', () => {
  it('reads back what it recorded, and each saved change', async () => {
    const store = openStore(tempDatabase());
    const run = runRecord('r1');
    expect(await store.insert(run)).toEqual({ run, created: true });
    expect(store.get('r1')).toEqual(run);
    const finished: RunRecord = {
      ...run,
      status: 'succeeded',
      finishedAt: '2026-12-06T09:01:00.000Z',
      steps: [{ ...run.steps[0]!, status: 'done', durationMs: 12, output: { remoteUrl: 'x' } }],
      output: { links: [{ title: 'Repo', url: 'https://x' }], text: [] },
      entityRef: 'Component:default/checkout',
    };
    await store.save(finished);
    expect(store.get('r1')).toEqual(finished);
    expect(store.get('nope')).toBeUndefined();
  });

  it('keeps the Slack thread recorded apart from the runner, whose later saves do not know it', async () => {
    const store = openStore(tempDatabase());
    const { slack: _none, ...withoutThread } = runRecord('r2');
    await store.insert(withoutThread);
    await store.recordSlackThread('r2', { channel: 'C9', ts: '171.5' });
    expect(store.get('r2')?.slack).toEqual({ channel: 'C9', ts: '171.5' });
    await store.save({ ...withoutThread, status: 'failed' });
    expect(store.get('r2')).toMatchObject({ status: 'failed', slack: { channel: 'C9', ts: '171.5' } });
    // A record that names a thread replaces the stored one.
    await store.save({ ...withoutThread, slack: { channel: 'C1', ts: '2.0' } });
    expect(store.get('r2')?.slack).toEqual({ channel: 'C1', ts: '2.0' });
  });

  it('returns the run recorded first for a request key, in this process or another one on the same file', async () => {
    const path = tempDatabase();
    const here = openStore(path);
    const there = openStore(path);
    const first = runRecord('r1');
    expect((await here.insert(first, 'key-1')).created).toBe(true);
    expect(await there.insert(runRecord('r2'), 'key-1')).toEqual({ run: first, created: false });
    const [a, b] = await Promise.all([here.insert(runRecord('r3'), 'key-2'), there.insert(runRecord('r4'), 'key-2')]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(a.run.id).toBe(b.run.id);
    expect((await here.insert(runRecord('r5'))).created).toBe(true);
    expect((await here.insert(runRecord('r6'))).created).toBe(true);
    expect(
      here
        .list()
        .map((run) => run.id)
        .sort(),
    ).toEqual(['r1', 'r5', 'r6', a.run.id].sort());
  });

  it('lists newest first, by template and by status, and refuses to save a run it never recorded', async () => {
    const store = openStore(tempDatabase());
    await store.insert(runRecord('old', { createdAt: '2026-12-01T00:00:00.000Z', status: 'failed' }));
    await store.insert(runRecord('new', { createdAt: '2026-12-05T00:00:00.000Z' }));
    await store.insert(runRecord('docs', { createdAt: '2026-12-03T00:00:00.000Z', templateRef: 'template:default/docs' }));
    expect(store.list().map((run) => run.id)).toEqual(['new', 'docs', 'old']);
    expect(store.list({ limit: 1 }).map((run) => run.id)).toEqual(['new']);
    expect(store.list({ templateRef: 'Template:default/DOCS' }).map((run) => run.id)).toEqual(['docs']);
    expect(store.list({ status: 'failed' }).map((run) => run.id)).toEqual(['old']);
    await expect(store.save(runRecord('ghost'))).rejects.toThrow(/ghost is not in the database/);
  });
});
