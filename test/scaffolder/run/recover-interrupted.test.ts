import { afterEach, describe, expect, it } from 'vitest';
import { INTERRUPTED_STEP_ERROR } from '../../../src/scaffolder/run/recover-interrupted.ts';
import { alice, closeHarnesses, scaffolderHarness } from './helpers/scaffolder-harness.ts';
import { templateEntity } from './helpers/fake-catalog.ts';
import type { ActionJournal } from './helpers/test-actions.ts';
import { waitFor } from './helpers/wait-for.ts';

afterEach(closeHarnesses);

const long = templateEntity('long', {
  steps: [
    { id: 'prepare', name: 'Prepare', action: 'test:record', input: { name: 'prepare' } },
    { id: 'wait', name: 'Wait', action: 'test:hold', input: {} },
    { id: 'after', name: 'After', action: 'test:record', input: { name: 'after' } },
  ],
});

describe('a restart during a run', () => {
  it('marks the run failed at the step that was running, with Retry resuming there in the new process', async () => {
    const before = scaffolderHarness({ entities: [long] });
    const run = await before.scaffolder.start({ templateRef: 'template:default/long', values: {}, requester: alice });
    await waitFor(() => before.journal.calls.includes('hold'), 'the run to reach its waiting step');
    // The first process "dies" here: its held step never ends. A new process opens the same files.
    const journal: ActionJournal = { calls: [], failing: new Set() };
    const after = scaffolderHarness({ entities: [long], dbPath: before.dbPath, workspaceDir: before.workspaceDir, journal });
    expect(after.scaffolder.run(run.id)?.status).toBe('running');

    const recovered = await after.scaffolder.recoverInterrupted();
    expect(recovered.map((record) => record.id)).toEqual([run.id]);
    const failed = after.scaffolder.run(run.id);
    expect(failed?.status).toBe('failed');
    expect(failed?.steps.map((step) => [step.id, step.status, step.error])).toEqual([
      ['prepare', 'done', undefined],
      ['wait', 'failed', INTERRUPTED_STEP_ERROR],
      ['after', 'pending', undefined],
    ]);
    expect(await after.scaffolder.recoverInterrupted()).toEqual([]);

    await after.scaffolder.retry(run.id, alice);
    await waitFor(() => journal.calls.includes('hold'), 'the retried run to reach its waiting step');
    journal.release?.();
    expect((await after.scaffolder.settled(run.id)).status).toBe('succeeded');
    expect(journal.calls).toEqual(['hold', 'record after']);
  });

  it('leaves a run that this process is still running alone', async () => {
    const harness = scaffolderHarness({ entities: [long] });
    const run = await harness.scaffolder.start({ templateRef: 'template:default/long', values: {}, requester: alice });
    await waitFor(() => harness.journal.calls.includes('hold'), 'the run to reach its waiting step');
    expect(await harness.scaffolder.recoverInterrupted()).toEqual([]);
    harness.journal.release?.();
    expect((await harness.scaffolder.settled(run.id)).status).toBe('succeeded');
  });
});
