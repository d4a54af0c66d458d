import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobLedger } from '../../src/schedule/job-ledger.ts';
import { JobRegistry } from '../../src/schedule/job-registry.ts';
import { summarizeJobHealth } from '../../src/schedule/job-status.ts';
import { capturedLog, manualClock, openJobHarness, recordingJob, tempDatabase, testJobSpec } from './helpers/job-harness.ts';

const open: { close(): Promise<void> }[] = [];
const harness = (...args: Parameters<typeof openJobHarness>) => {
  const opened = openJobHarness(...args);
  open.push(opened);
  return opened;
};
afterEach(async () => {
  vi.useRealTimers();
  for (const opened of open.splice(0)) await opened.close();
});

const slot = (iso: string) => new Date(iso);

describe('JobRegistry', () => {
  it('runs a slot once, records how it ended, and refuses the same slot again', async () => {
    const job = recordingJob();
    const clock = manualClock('2026-12-05T10:00:00.200Z');
    const { registry, ledger } = harness({ path: tempDatabase(), specs: [testJobSpec()], runners: { 'test-job': job.run }, clock });

    expect(await registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'))).toBe('ok');
    expect(await registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'))).toBe('claimed-elsewhere');

    expect(job.ran).toEqual(['2026-12-05T10:00:00.000Z']);
    expect(ledger.lastRun('test-job')).toMatchObject({
      slot: '2026-12-05T10:00:00.000Z',
      result: 'ok',
      message: 'ran 2026-12-05T10:00:00.000Z',
      startedAt: new Date('2026-12-05T10:00:00.200Z'),
      finishedAt: new Date('2026-12-05T10:00:00.200Z'),
    });
  });

  it('runs a slot once across a restart on the same database file', async () => {
    const path = tempDatabase();
    const clock = manualClock('2026-12-05T10:00:01Z');
    const before = recordingJob();
    const first = harness({ path, specs: [testJobSpec()], runners: { 'test-job': before.run }, clock });
    expect(await first.registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'))).toBe('ok');
    await first.close();

    const after = recordingJob();
    const second = harness({ path, specs: [testJobSpec()], runners: { 'test-job': after.run }, clock });
    expect(await second.registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'))).toBe('claimed-elsewhere');
    expect(await second.registry.runSlot('test-job', slot('2026-12-05T10:10:00Z'))).toBe('ok');
    expect(after.ran).toEqual(['2026-12-05T10:10:00.000Z']);
    expect(second.ledger.history('test-job', 10).map((run) => run.slot)).toEqual(['2026-12-05T10:10:00.000Z', '2026-12-05T10:00:00.000Z']);
  });

  it('catches up only the latest slot missed while down, once, when the job says catch-up', async () => {
    const path = tempDatabase();
    const clock = manualClock('2026-12-05T10:00:00Z');
    const first = harness({ path, specs: [testJobSpec()], runners: { 'test-job': recordingJob().run }, clock });
    await first.registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'));
    await first.close();

    // Down from 10:00 to 10:35: 10:10, 10:20 and 10:30 were missed.
    clock.set('2026-12-05T10:35:00Z');
    const job = recordingJob();
    const second = harness({ path, specs: [testJobSpec()], runners: { 'test-job': job.run }, clock });
    await second.registry.catchUp();
    await second.registry.catchUp();
    expect(job.ran).toEqual(['2026-12-05T10:30:00.000Z']);
    expect(second.lines.some((line) => line.job === 'test-job' && line.msg.includes('running the latest once'))).toBe(true);
    await second.close();

    // A third start a minute later has nothing left to catch up.
    clock.set('2026-12-05T10:36:00Z');
    const third = recordingJob();
    const restarted = harness({ path, specs: [testJobSpec()], runners: { 'test-job': third.run }, clock });
    await restarted.registry.catchUp();
    expect(third.ran).toEqual([]);
    expect(restarted.ledger.history('test-job', 10).map((run) => run.slot)).toEqual(['2026-12-05T10:30:00.000Z', '2026-12-05T10:00:00.000Z']);
  });

  it('skips the slots missed while down when the job says skip, and says so in the log', async () => {
    const path = tempDatabase();
    const clock = manualClock('2026-12-05T10:00:00Z');
    const first = harness({ path, specs: [testJobSpec({ missed: 'skip' })], runners: { 'test-job': recordingJob().run }, clock });
    await first.registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'));
    await first.close();

    clock.set('2026-12-05T10:35:00Z');
    const job = recordingJob();
    const second = harness({ path, specs: [testJobSpec({ missed: 'skip' })], runners: { 'test-job': job.run }, clock });
    await second.registry.catchUp();
    expect(job.ran).toEqual([]);
    expect(second.lines.find((line) => line.msg.includes('skipped'))).toMatchObject({ job: 'test-job', missedSlot: '2026-12-05T10:30:00.000Z' });
  });

  it('catches up nothing for a job that never ran, nor for a disabled one', async () => {
    const clock = manualClock('2026-12-05T10:35:00Z');
    const job = recordingJob();
    const off = recordingJob();
    const path = tempDatabase();
    const specs = [testJobSpec(), testJobSpec({ name: 'off-job', enabled: false })];
    const opened = harness({ path, specs, runners: { 'test-job': job.run, 'off-job': off.run }, clock });
    await opened.ledger.claim('off-job', '2026-12-05T10:00:00.000Z', clock.now());
    await opened.registry.catchUp();
    expect(job.ran).toEqual([]);
    expect(off.ran).toEqual([]);
    const offStatus = opened.registry.status().find((status) => status.name === 'off-job');
    expect(offStatus).toMatchObject({ enabled: false, running: false });
    expect(offStatus?.nextRun).toBeUndefined();
  });

  it('records and logs a failing job, and runs its next slot all the same', async () => {
    const job = recordingJob((at) => at.getUTCMinutes() === 0);
    const clock = manualClock('2026-12-05T10:00:00Z');
    const { registry, ledger, lines } = harness({ path: tempDatabase(), specs: [testJobSpec()], runners: { 'test-job': job.run }, clock });

    expect(await registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'))).toBe('failed');
    expect(ledger.lastRun('test-job')).toMatchObject({ result: 'failed', message: 'the test job failed at 2026-12-05T10:00:00.000Z' });
    const logged = lines.find((line) => line.level === 50);
    expect(logged).toMatchObject({ job: 'test-job', slot: '2026-12-05T10:00:00.000Z', err: { message: 'the test job failed at 2026-12-05T10:00:00.000Z' } });
    expect(registry.status()[0]?.lastRun?.result).toBe('failed');

    clock.set('2026-12-05T10:10:00Z');
    expect(await registry.runSlot('test-job', slot('2026-12-05T10:10:00Z'))).toBe('ok');
    expect(job.ran).toEqual(['2026-12-05T10:00:00.000Z', '2026-12-05T10:10:00.000Z']);
    expect(registry.status()[0]?.lastRun?.result).toBe('ok');
  });

  it('leaves a slot alone while the previous one still runs in this process', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const ran: string[] = [];
    const run = async (at: Date) => {
      ran.push(at.toISOString());
      await blocked;
    };
    const clock = manualClock('2026-12-05T10:10:00Z');
    const { registry, ledger } = harness({ path: tempDatabase(), specs: [testJobSpec()], runners: { 'test-job': run }, clock });
    const first = registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'));
    await vi.waitFor(() => expect(ran).toHaveLength(1));
    expect(registry.status()[0]?.running).toBe(true);
    expect(ledger.lastRun('test-job')?.result).toBe('running');

    expect(await registry.runSlot('test-job', slot('2026-12-05T10:10:00Z'))).toBe('busy');
    release();
    expect(await first).toBe('ok');
    expect(ran).toEqual(['2026-12-05T10:00:00.000Z']);
  });

  it('keeps the schedule and reports it in the status when the ledger cannot be written', async () => {
    const job = recordingJob();
    const clock = manualClock('2026-12-05T10:00:00Z');
    let broken = true;
    const ledger: JobLedger = {
      claim: async () => {
        if (broken) throw new Error('disk I/O error');
        return true;
      },
      finish: async () => undefined,
      lastRun: () => undefined,
      history: () => [],
    };
    const { log, lines } = capturedLog();
    const registry = new JobRegistry({ specs: [testJobSpec()], runners: { 'test-job': job.run }, ledger, log, clock });
    expect(await registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'))).toBe('ledger-failed');
    expect(job.ran).toEqual([]);
    expect(registry.status()[0]?.ledgerError).toBe('could not claim its slot; the slot is not run: disk I/O error');
    expect(lines.find((line) => line.level === 50)).toMatchObject({ job: 'test-job', slot: '2026-12-05T10:00:00.000Z' });

    broken = false;
    expect(await registry.runSlot('test-job', slot('2026-12-05T10:10:00Z'))).toBe('ok');
    expect(registry.status()[0]?.ledgerError).toBeUndefined();
    await registry.stop();
  });

  it('reports the next run from its clock, in the job time zone', async () => {
    const clock = manualClock('2026-12-05T23:25:00Z');
    const spec = testJobSpec({ schedule: '0 9 * * 1-5', timezone: 'Europe/Berlin' });
    const { registry } = harness({ path: tempDatabase(), specs: [spec], runners: { 'test-job': recordingJob().run }, clock });
    expect(registry.status()[0]).toMatchObject({
      schedule: '0 9 * * 1-5',
      timezone: 'Europe/Berlin',
      nextRun: new Date('2026-12-07T08:00:00Z'),
      running: false,
    });
  });

  it('once started, runs each slot when node-cron fires it, with the slot as scheduled', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T10:05:00Z') });
    const job = recordingJob();
    const { registry } = harness({ path: tempDatabase(), specs: [testJobSpec()], runners: { 'test-job': job.run }, clock: { now: () => new Date() } });
    await registry.start();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    await vi.waitFor(() => expect(job.ran).toEqual(['2026-12-05T10:10:00.000Z', '2026-12-05T10:20:00.000Z']));
    await registry.stop();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(job.ran).toHaveLength(2);
  });
});

describe('summarizeJobHealth', () => {
  it('marks a job failing while its last run failed, with the message, and healthy again after a good run', async () => {
    const job = recordingJob((at) => at.getUTCMinutes() === 0);
    const clock = manualClock('2026-12-05T10:00:00Z');
    const { registry } = harness({ path: tempDatabase(), specs: [testJobSpec()], runners: { 'test-job': job.run }, clock });
    expect(summarizeJobHealth(registry.status()[0]!)).toEqual({ name: 'test-job', failing: false });
    await registry.runSlot('test-job', slot('2026-12-05T10:00:00Z'));
    expect(summarizeJobHealth(registry.status()[0]!)).toEqual({
      name: 'test-job',
      failing: true,
      error: 'the test job failed at 2026-12-05T10:00:00.000Z',
      lastRunAt: '2026-12-05T10:00:00.000Z',
    });
    clock.set('2026-12-05T10:10:01Z');
    await registry.runSlot('test-job', slot('2026-12-05T10:10:00Z'));
    expect(summarizeJobHealth(registry.status()[0]!)).toEqual({ name: 'test-job', failing: false, lastRunAt: '2026-12-05T10:10:01.000Z' });
  });
});

describe('JobRegistry timing', () => {
  afterEach(() => vi.useRealTimers());

  it('runs a slot late, once, when the event loop was too busy for node-cron to fire it on time', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T10:05:00Z') });
    const job = recordingJob();
    const { registry } = harness({ path: tempDatabase(), specs: [testJobSpec()], runners: { 'test-job': job.run }, clock: { now: () => new Date() } });
    await registry.start();
    await vi.advanceTimersByTimeAsync(4 * 60_000 + 59_000);
    // The loop is blocked across 10:10:00: the wall clock moves on, the timer due then has not fired yet.
    vi.setSystemTime(new Date('2026-12-05T10:10:03Z'));
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.waitFor(() => expect(job.ran).toEqual(['2026-12-05T10:10:00.000Z']));
    await registry.stop();
  });
});
