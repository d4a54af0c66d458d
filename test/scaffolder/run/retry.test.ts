import { existsSync, mkdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alice, closeHarnesses, scaffolderHarness } from './helpers/scaffolder-harness.ts';
import { templateEntity } from './helpers/fake-catalog.ts';

afterEach(closeHarnesses);

const flaky = templateEntity('flaky', {
  steps: [
    { id: 'prepare', name: 'Prepare', action: 'test:record', input: { name: 'prepare', value: 'from-prepare' } },
    { id: 'shaky', name: 'Shaky', action: 'test:flaky', input: { name: 'shaky' } },
    { id: 'after', name: 'After', action: 'test:record', input: { name: 'after-${{ steps.prepare.output.value }}' } },
  ],
});

const start = async (harness: ReturnType<typeof scaffolderHarness>, templateRef: string) => {
  const run = await harness.scaffolder.start({ templateRef, values: {}, requester: alice });
  return harness.scaffolder.settled(run.id);
};

describe('retry', () => {
  it('fails at the failing step with its error and last log lines, keeps the workspace, and skips the later steps', async () => {
    const harness = scaffolderHarness({ entities: [flaky] });
    harness.journal.failing.add('shaky');
    const failed = await start(harness, 'template:default/flaky');
    expect(failed.status).toBe('failed');
    expect(failed.steps.map((step) => step.status)).toEqual(['done', 'failed', 'skipped']);
    expect(failed.steps[1]).toMatchObject({ error: 'shaky is failing on purpose', log: ['trying shaky'] });
    expect(failed.finishedAt).toBeDefined();
    expect(existsSync(join(harness.workspaceDir, failed.id))).toBe(true);
  });

  it('resumes at the failed step with the stored outputs of finished steps, which do not run again', async () => {
    const harness = scaffolderHarness({ entities: [flaky] });
    harness.journal.failing.add('shaky');
    const failed = await start(harness, 'template:default/flaky');
    harness.journal.failing.delete('shaky');
    const resumed = await harness.scaffolder.retry(failed.id, alice);
    expect(resumed.status).toBe('running');
    expect(resumed.finishedAt).toBeUndefined();
    const done = await harness.scaffolder.settled(failed.id);
    expect(done.status).toBe('succeeded');
    expect(harness.journal.calls).toEqual(['record prepare', 'flaky shaky', 'flaky shaky', 'record after-from-prepare']);
    expect(done.steps.map((step) => step.status)).toEqual(['done', 'done', 'done']);
    expect(existsSync(join(harness.workspaceDir, failed.id))).toBe(false);
  });

  it('runs a later step whose if calls always() or failure() after a failure, as Backstage does, and a retry decides about it afresh', async () => {
    const cleanup = templateEntity('cleanup', {
      steps: [
        { id: 'shaky', action: 'test:flaky', input: { name: 'shaky' } },
        { id: 'skipped', action: 'test:record', input: { name: 'skipped' } },
        { id: 'notify', action: 'test:record', if: '${{ failure() }}', input: { name: 'notify' } },
        { id: 'always', action: 'test:record', if: '${{ always() }}', input: { name: 'always' } },
        { id: 'plain-if', action: 'test:record', if: '${{ true }}', input: { name: 'plain-if' } },
      ],
    });
    const harness = scaffolderHarness({ entities: [cleanup] });
    harness.journal.failing.add('shaky');
    const failed = await start(harness, 'template:default/cleanup');
    expect(failed.steps.map((step) => `${step.id}:${step.status}`)).toEqual([
      'shaky:failed',
      'skipped:skipped',
      'notify:done',
      'always:done',
      'plain-if:skipped',
    ]);
    expect(harness.journal.calls).toEqual(['flaky shaky', 'record notify', 'record always']);

    harness.journal.failing.clear();
    await harness.scaffolder.retry(failed.id, alice);
    const done = await harness.scaffolder.settled(failed.id);
    expect(done.steps.map((step) => `${step.id}:${step.status}`)).toEqual(['shaky:done', 'skipped:done', 'notify:skipped', 'always:done', 'plain-if:done']);
    expect(harness.journal.calls.slice(3)).toEqual(['flaky shaky', 'record skipped', 'record always', 'record plain-if']);
  });

  it('refuses to retry a run that did not fail', async () => {
    const harness = scaffolderHarness({ entities: [flaky] });
    const done = await start(harness, 'template:default/flaky');
    await expect(harness.scaffolder.retry(done.id, alice)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('succeeded') });
    await expect(harness.scaffolder.retry('no-such-run', alice)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('redoes steps that only wrote into the workspace when the workspace is gone, never one that reached outside', async () => {
    const publishing = templateEntity('publishing', {
      steps: [
        { id: 'write', action: 'test:write', input: { path: 'README.md', content: 'hello' } },
        { id: 'publish', action: 'publish:fake', input: { repoUrl: 'github.com?owner=acme&repo=svc' } },
        { id: 'shaky', action: 'test:flaky', input: { name: '${{ steps.publish.output.remoteUrl }}' } },
      ],
    });
    const harness = scaffolderHarness({ entities: [publishing] });
    harness.journal.failing.add('https://git.example/github.com?owner=acme&repo=svc');
    const failed = await start(harness, 'template:default/publishing');
    rmSync(join(harness.workspaceDir, failed.id), { recursive: true });
    harness.journal.failing.clear();
    await harness.scaffolder.retry(failed.id, alice);
    expect((await harness.scaffolder.settled(failed.id)).status).toBe('succeeded');
    expect(harness.journal.calls.filter((call) => call.startsWith('publish'))).toHaveLength(1);
    expect(harness.journal.calls.filter((call) => call.startsWith('write'))).toHaveLength(2);
  });

  it('removes a failed run workspace once it is older than keepFailedWorkspacesHours', async () => {
    let now = new Date('2026-12-06T10:00:00Z');
    const harness = scaffolderHarness({ entities: [flaky], now: () => now, keepFailedWorkspacesHours: 2 });
    harness.journal.failing.add('shaky');
    const failed = await start(harness, 'template:default/flaky');
    now = new Date('2026-12-06T11:00:00Z');
    await harness.scaffolder.recoverInterrupted();
    expect(existsSync(join(harness.workspaceDir, failed.id))).toBe(true);
    now = new Date('2026-12-06T12:30:00Z');
    await harness.scaffolder.recoverInterrupted();
    expect(existsSync(join(harness.workspaceDir, failed.id))).toBe(false);
  });

  it('sweeps expired workspaces when a run is accepted, before start returns, and not for a refused request', async () => {
    const harness = scaffolderHarness({ entities: [flaky], keepFailedWorkspacesHours: 0 });
    const leftover = join(harness.workspaceDir, 'leftover-of-an-old-run');
    mkdirSync(leftover, { recursive: true });
    utimesSync(leftover, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    await expect(harness.scaffolder.start({ templateRef: 'template:default/nothing', values: {}, requester: alice })).rejects.toMatchObject({
      code: 'not_found',
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(leftover)).toBe(true);
    const run = await harness.scaffolder.start({ templateRef: 'template:default/flaky', values: {}, requester: alice });
    expect(existsSync(leftover)).toBe(false);
    await harness.scaffolder.settled(run.id);
  });
});
