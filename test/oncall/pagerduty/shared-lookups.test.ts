import { describe, expect, it } from 'vitest';
import { SharedLookups } from '../../../src/oncall/pagerduty/shared-lookups.ts';

/** A run that resolves or rejects when the test says, and remembers whether it was aborted. */
function controllableRun() {
  const state = { starts: 0, signal: undefined as AbortSignal | undefined, resolve: (_: { n: number }) => {} };
  const start = (signal: AbortSignal) => {
    state.starts += 1;
    state.signal = signal;
    return new Promise<{ n: number }>((resolve, reject) => {
      state.resolve = resolve;
      signal.addEventListener('abort', () => reject(signal.reason));
    });
  };
  return { state, start };
}

describe('SharedLookups', () => {
  it('runs once for concurrent callers of one key and gives each its own copy', async () => {
    const shared = new SharedLookups<{ n: number }>();
    const run = controllableRun();
    const first = shared.run('k', run.start);
    const second = shared.run('k', run.start);
    run.state.resolve({ n: 1 });
    const [a, b] = await Promise.all([first, second]);
    expect(run.state.starts).toBe(1);
    expect(a).toEqual({ n: 1 });
    expect(a).not.toBe(b);
  });

  it('does not hand a new caller a run every earlier caller gave up on (aborted, not yet settled)', async () => {
    const shared = new SharedLookups<{ n: number }>();
    const runs: { signal: AbortSignal; resolve: (value: { n: number }) => void; reject: (error: unknown) => void }[] = [];
    // Settles only when the test says, as a fetch takes a moment to notice its abort.
    const start = (signal: AbortSignal) => new Promise<{ n: number }>((resolve, reject) => void runs.push({ signal, resolve, reject }));
    const giveUp = new AbortController();
    const first = shared.run('k', start, giveUp.signal);
    giveUp.abort(new Error('first caller gave up'));
    await expect(first).rejects.toThrow('first caller gave up');
    expect(runs[0]!.signal.aborted).toBe(true);

    const second = shared.run('k', start);
    runs[0]!.reject(runs[0]!.signal.reason);
    runs.at(-1)!.resolve({ n: 2 });
    expect(await second).toEqual({ n: 2 });
    expect(runs).toHaveLength(2);
  });

  it('starts a new run once the previous one is over', async () => {
    const shared = new SharedLookups<{ n: number }>();
    const run = controllableRun();
    const first = shared.run('k', run.start);
    run.state.resolve({ n: 1 });
    await first;
    const again = shared.run('k', run.start);
    run.state.resolve({ n: 2 });
    expect(await again).toEqual({ n: 2 });
    expect(run.state.starts).toBe(2);
  });

  it('lets one caller abort without stopping the run for the others, and aborts it when all have', async () => {
    const shared = new SharedLookups<{ n: number }>();
    const run = controllableRun();
    const quitter = new AbortController();
    const stayer = new AbortController();
    const quitting = shared.run('k', run.start, quitter.signal);
    const staying = shared.run('k', run.start, stayer.signal);
    quitter.abort();
    await expect(quitting).rejects.toMatchObject({ name: 'AbortError' });
    expect(run.state.signal!.aborted).toBe(false);
    stayer.abort();
    await expect(staying).rejects.toMatchObject({ name: 'AbortError' });
    expect(run.state.signal!.aborted).toBe(true);
  });
});
