import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../src/core/scaffolder/run-record.ts';
import { alice, bob, closeHarnesses, scaffolderHarness, stranger } from './helpers/scaffolder-harness.ts';
import { orgRelations, templateEntity } from './helpers/fake-catalog.ts';

afterEach(closeHarnesses);

const guarded = templateEntity(
  'guarded',
  { steps: [{ id: 'only', name: 'Only', action: 'test:record', input: { name: 'ran' } }] },
  { annotations: { 'callboard.dev/approvers': 'group:default/platform-team' } },
);

// carol is in sre, a child group of platform-team; alice (the requester) and bob are in neither.
const relations = orgRelations(
  { 'user:default/carol': ['group:default/sre'], 'user:default/bob': ['group:default/sales'] },
  { 'group:default/sre': 'group:default/platform-team' },
);
const carol = { userRef: 'user:default/carol', fallbackId: 'slack:UCAROL' };

const awaiting = async (seen: RunRecord[] = []) => {
  const harness = scaffolderHarness({ entities: [guarded], relations });
  const run = await harness.scaffolder.start({ templateRef: 'template:default/guarded', values: {}, requester: alice }, (changed) => void seen.push(changed));
  return { harness, run };
};

describe('approvals', () => {
  it('records a run needing approval as awaiting-approval, runs no step, and lists the template as needing approval', async () => {
    const seen: RunRecord[] = [];
    const { harness, run } = await awaiting(seen);
    expect(run.status).toBe('awaiting-approval');
    expect(seen.map((changed) => changed.status)).toEqual(['awaiting-approval']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(harness.journal.calls).toEqual([]);
    expect(harness.scaffolder.listTemplates(alice)[0]).toMatchObject({ ref: 'template:default/guarded', needsApproval: true });
  });

  it('refuses a decision from someone outside the approver groups, and from someone with no catalog user', async () => {
    const { harness, run } = await awaiting();
    await expect(harness.scaffolder.decide(run.id, bob, 'approved')).rejects.toMatchObject({
      code: 'permission_denied',
      message: expect.stringContaining('group:default/platform-team'),
    });
    await expect(harness.scaffolder.decide(run.id, stranger, 'approved')).rejects.toMatchObject({ code: 'permission_denied' });
    expect(harness.scaffolder.run(run.id)).toMatchObject({ status: 'awaiting-approval', approvals: [] });
    expect(harness.journal.calls).toEqual([]);
  });

  it('starts the run once a member of a child group of the approver group approves, and records the decision', async () => {
    const seen: RunRecord[] = [];
    const { harness, run } = await awaiting(seen);
    const settled = harness.scaffolder.settled(run.id);
    const approved = await harness.scaffolder.decide(run.id, carol, 'approved');
    expect(approved.status).toBe('running');
    const done = await settled;
    expect(done.status).toBe('succeeded');
    expect(done.approvals).toEqual([{ by: 'user:default/carol', decision: 'approved', at: expect.any(String) }]);
    expect(harness.journal.calls).toEqual(['record ran']);
    expect(seen.at(-1)?.status).toBe('succeeded');
  });

  it('four eyes: a requester in the approver group may not approve their own run, another approver must; they may deny it', async () => {
    const harness = scaffolderHarness({ entities: [guarded], relations });
    const own = await harness.scaffolder.start({ templateRef: 'template:default/guarded', values: {}, requester: carol });
    await expect(harness.scaffolder.decide(own.id, carol, 'approved')).rejects.toMatchObject({
      code: 'permission_denied',
      message: expect.stringMatching(/another member of group:default\/platform-team must decide/),
    });
    expect(harness.scaffolder.run(own.id)).toMatchObject({ status: 'awaiting-approval', approvals: [] });
    expect(harness.journal.calls).toEqual([]);

    const withdrawn = await harness.scaffolder.decide(own.id, carol, 'denied');
    expect(withdrawn).toMatchObject({ status: 'denied', approvals: [{ by: 'user:default/carol', decision: 'denied' }] });
    expect(harness.journal.calls).toEqual([]);
  });

  it('ends the run when denied; no step runs, and a second decision is refused', async () => {
    const { harness, run } = await awaiting();
    const denied = await harness.scaffolder.decide(run.id, carol, 'denied');
    expect(denied).toMatchObject({ status: 'denied', approvals: [{ by: 'user:default/carol', decision: 'denied' }], finishedAt: expect.any(String) });
    expect((await harness.scaffolder.settled(run.id)).status).toBe('denied');
    await expect(harness.scaffolder.decide(run.id, carol, 'approved')).rejects.toMatchObject({ code: 'conflict' });
    expect(harness.journal.calls).toEqual([]);
  });

  it('takes one of two decisions clicked at the same moment', async () => {
    const { harness, run } = await awaiting();
    const results = await Promise.allSettled([harness.scaffolder.decide(run.id, carol, 'approved'), harness.scaffolder.decide(run.id, carol, 'approved')]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    await harness.scaffolder.settled(run.id);
    expect(harness.journal.calls).toEqual(['record ran']);
  });

  it('refuses an approval once the template changed after the request (its steps were not the ones reviewed); deny still ends it', async () => {
    const versioned = templateEntity(
      'versioned',
      { steps: [{ id: 'only', name: 'Only', action: 'test:record', input: { name: 'reviewed' } }] },
      { etag: 'v1', annotations: { 'callboard.dev/approvers': 'group:default/platform-team' } },
    );
    const harness = scaffolderHarness({ entities: [versioned], relations });
    const run = await harness.scaffolder.start({ templateRef: 'versioned', values: {}, requester: alice });
    expect(run.templateEtag).toBe('v1');
    versioned.metadata['etag'] = 'v2';
    versioned.spec = { ...versioned.spec, steps: [{ id: 'only', name: 'Only', action: 'test:record', input: { name: 'never reviewed' } }] };
    await expect(harness.scaffolder.decide(run.id, carol, 'approved')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/changed after run .* was requested/),
    });
    expect((await harness.scaffolder.decide(run.id, carol, 'denied')).status).toBe('denied');
    expect(harness.journal.calls).toEqual([]);
  });
});
