import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src/core/scaffolder/run-record.ts';
import type { RunStore } from '../../../src/scaffolder/run/run-store.ts';
import { alice, closeHarnesses, scaffolderHarness } from './helpers/scaffolder-harness.ts';
import { templateEntity } from './helpers/fake-catalog.ts';

afterEach(closeHarnesses);

const twoSteps = templateEntity('two-steps', {
  parameters: { properties: { name: { type: 'string' }, pw: { type: 'string', 'ui:widget': 'password' } } },
  steps: [
    { id: 'first', name: 'First', action: 'test:record', input: { name: '${{ parameters.name }}' } },
    { id: 'second', name: 'Second', action: 'test:record', input: { name: 'second' } },
  ],
});

const PASSWORD = 'pw-store-failure-41d2';

/** The real store, except that every save fails while `failing.now`, quoting what it was given (as some drivers do). */
const failingSaves =
  (failing = { now: true }) =>
  (stored: RunStore): RunStore => ({
    insert: (run, requestKey) => stored.insert(run, requestKey),
    save: async (run) => {
      if (!failing.now) return stored.save(run);
      throw new Error(`disk I/O error while saving ${JSON.stringify(run.values)} pw=${PASSWORD}`);
    },
    recordSlackThread: (runId, thread) => stored.recordSlackThread(runId, thread),
    get: (id) => stored.get(id),
    list: (options) => stored.list(options),
  });

interface LogLine {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

const logRecorder = () => {
  const lines: LogLine[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } as never };
};

describe('a run store whose save keeps failing', () => {
  it('ends the run failed in memory, tells its listeners, logs the failure once, and the next start marks it failed', async () => {
    const logs = logRecorder();
    const harness = scaffolderHarness({ entities: [twoSteps], runStore: failingSaves(), log: logs.log });
    const heard: RunRecord[] = [];
    const run = await harness.scaffolder.start(
      { templateRef: 'template:default/two-steps', values: { name: 'svc', pw: PASSWORD }, requester: alice },
      (record) => void heard.push(record),
    );

    // Whoever waits hears the end (the Slack progress message is such a listener), rather than waiting for ever.
    const ended = await harness.scaffolder.settled(run.id);
    expect(ended.status).toBe('failed');
    expect(ended.steps[0]).toMatchObject({ id: 'first', status: 'failed', error: expect.stringContaining('disk I/O error') });
    expect(ended.steps[0]?.error).not.toContain(PASSWORD);
    expect(heard.at(-1)).toMatchObject({ status: 'failed' });
    // This process shows it as it ended, though the database could not record that.
    expect(harness.scaffolder.run(run.id)?.status).toBe('failed');
    expect(harness.scaffolder.runs().map((record) => [record.id, record.status])).toEqual([[run.id, 'failed']]);
    expect(harness.runStore.get(run.id)?.status).toBe('running');

    const errors = logs.lines.filter((line) => line.level === 'error' || line.level === 'warn');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.fields['runId']).toBe(run.id);
    expect(JSON.stringify(logs.lines)).not.toContain(PASSWORD);

    // The next start (the database writable again) finds the run left running and marks it failed.
    const restarted = scaffolderHarness({ entities: [twoSteps], dbPath: harness.dbPath, workspaceDir: harness.workspaceDir });
    const recovered = await restarted.scaffolder.recoverInterrupted();
    expect(recovered.map((record) => [record.id, record.status])).toEqual([[run.id, 'failed']]);
    expect(restarted.scaffolder.run(run.id)?.status).toBe('failed');
  });

  it('lets the run be retried in the same process once the store saves again', async () => {
    const failing = { now: true };
    const harness = scaffolderHarness({ entities: [twoSteps], runStore: failingSaves(failing) });
    const run = await harness.scaffolder.start({ templateRef: 'template:default/two-steps', values: { name: 'svc', pw: PASSWORD }, requester: alice });
    expect((await harness.scaffolder.settled(run.id)).status).toBe('failed');

    failing.now = false;
    await harness.scaffolder.retry(run.id, alice);
    const retried = await harness.scaffolder.settled(run.id);
    expect(retried.status).toBe('succeeded');
    expect(harness.runStore.get(run.id)?.status).toBe('succeeded');
    expect(harness.scaffolder.run(run.id)?.status).toBe('succeeded');
  });
});
