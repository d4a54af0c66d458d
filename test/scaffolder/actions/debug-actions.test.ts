import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { debugLogAction } from '../../../src/scaffolder/actions/debug-log-action.ts';
import { debugWaitAction } from '../../../src/scaffolder/actions/debug-wait-action.ts';
import { createActionHarness, type ActionHarness } from './action-context.ts';

let h: ActionHarness;
beforeEach(async () => {
  h = await createActionHarness();
  await mkdir(join(h.workspace, 'docs'));
  await writeFile(join(h.workspace, 'docs/index.md'), '# Hello');
  await writeFile(join(h.workspace, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
});
afterEach(() => h.dispose());

describe('debug:log', () => {
  it('logs the message, and the workspace with file names or contents (binaries skipped)', async () => {
    await h.run(debugLogAction, { message: 'hello', listWorkspace: true });
    expect(h.logs).toEqual(['hello', 'Workspace:\n  - docs/index.md\n  - logo.png']);
    h.logs.length = 0;
    await h.run(debugLogAction, { listWorkspace: 'with-contents' });
    expect(h.logs).toEqual(['Workspace:\n - docs/index.md:\n  # Hello\n - logo.png: [skipped]']);
  });

  it('does not echo its input (a template may pass secrets to it) and refuses an unknown listWorkspace', async () => {
    await h.run(debugLogAction, { message: 'x', token: 's3cret' });
    expect(h.logs.join()).not.toContain('s3cret');
    await expect(h.run(debugLogAction, { listWorkspace: 'everything' })).rejects.toThrow(/input\.listWorkspace/);
  });
});

describe('debug:wait', () => {
  it('waits the sum of its periods', async () => {
    const started = Date.now();
    await h.run(debugWaitAction, { milliseconds: 30, seconds: 0.02 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('refuses more than 10 minutes, and stops early when the run is cancelled', async () => {
    await expect(h.run(debugWaitAction, { minutes: 11 })).rejects.toThrow(/longer than the maximum threshold of 10 minutes/);
    const controller = new AbortController();
    const started = Date.now();
    const waiting = h.run(debugWaitAction, { minutes: 5 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await waiting;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(debugWaitAction.supportsDryRun).toBe(false);
  });
});
