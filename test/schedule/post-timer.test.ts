import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { PostTimer } from '../../src/schedule/post-timer.ts';

describe('post timer', () => {
  it('stop waits for a tick under way (a handoff tick can be asking a slow on-call provider), so nothing posts after it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const tickStarted = new Promise<void>((resolve) => (started = resolve));
    let finished = false;
    const timer = new PostTimer({
      clock: { now: () => new Date() },
      log: pino({ level: 'silent' }),
      nextDueTimes: async (now) => [now.getTime()],
      tick: async () => {
        started();
        await gate;
        // The rest of the tick (claim, post) takes longer than a few promise turns.
        await new Promise((resolve) => setImmediate(resolve));
        finished = true;
      },
    });
    timer.arm();
    await tickStarted;
    const stopping = timer.stop();
    release();
    await stopping;
    expect(finished).toBe(true);
  });
});
