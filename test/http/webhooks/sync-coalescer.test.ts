import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { SyncCoalescer } from '../../../src/http/webhooks/sync-coalescer.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('SyncCoalescer', () => {
  it('requests made while a sync runs make one more run, not one each', async () => {
    const runs: Array<{ id: string; done: ReturnType<typeof deferred> }> = [];
    const coalescer = new SyncCoalescer(
      (id) => {
        const done = deferred();
        runs.push({ id, done });
        return done.promise;
      },
      pino({ level: 'silent' }),
    );
    coalescer.request('git:a');
    coalescer.request('git:a');
    coalescer.request('git:a');
    coalescer.request('git:b');
    expect(runs.map((run) => run.id)).toEqual(['git:a', 'git:b']);
    runs[0]!.done.resolve();
    await tick();
    expect(runs.map((run) => run.id)).toEqual(['git:a', 'git:b', 'git:a']);
    runs[2]!.done.resolve();
    await tick();
    coalescer.request('git:a');
    expect(runs).toHaveLength(4);
  });

  it('a failed sync is logged and does not stop later requests', async () => {
    let calls = 0;
    const coalescer = new SyncCoalescer(
      async () => {
        calls++;
        throw new Error('remote unreachable');
      },
      pino({ level: 'silent' }),
    );
    coalescer.request('git:a');
    await tick();
    coalescer.request('git:a');
    await tick();
    expect(calls).toBe(2);
  });
});
