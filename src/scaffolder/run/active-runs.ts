import type { RunRecord } from '../../core/scaffolder/run-record.ts';
import type { RunListener } from '../scaffolder.ts';
import type { RunValues } from './run-values.ts';

/** What `claim` holds while a run's one decision is being made. */
export const decisionClaim = (runId: string): string => `decision:${runId}`;

const isSettled = (run: RunRecord): boolean => run.status !== 'running' && run.status !== 'awaiting-approval';

/**
 * What this process holds about runs besides the database: who listens to each run, the values with their
 * secrets (memory only, never stored; gone after a restart), the steps in flight, and who waits for a run to settle.
 */
export class ActiveRuns {
  private readonly listenerSets = new Map<string, Set<RunListener>>();
  private readonly values = new Map<string, Pick<RunValues, 'parameters' | 'secrets'>>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly waiters = new Map<string, ((run: RunRecord) => void)[]>();
  private readonly busy = new Set<string>();
  /** Runs that ended here but whose end the store could not record: it still says `running` until the next start. */
  private readonly unsavedEnds = new Map<string, RunRecord>();

  /**
   * Claims a run for a change that must happen once (a decision, a retry) before the first await: of two clicks
   * arriving together, the second gets false. Release once the change is recorded.
   */
  claim(runId: string): boolean {
    if (this.busy.has(runId)) return false;
    this.busy.add(runId);
    return true;
  }

  release(runId: string): void {
    this.busy.delete(runId);
  }

  /** The run's listeners, the given one added; the first entry resolves `settled` waiters. */
  listeners(runId: string, listener?: RunListener): Set<RunListener> {
    let set = this.listenerSets.get(runId);
    if (!set) {
      set = new Set([(run: RunRecord) => this.changed(run)]);
      this.listenerSets.set(runId, set);
    }
    if (listener) set.add(listener);
    return set;
  }

  keepValues(runId: string, values: Pick<RunValues, 'parameters' | 'secrets'>): void {
    this.values.set(runId, values);
  }

  valuesOf(runId: string): Pick<RunValues, 'parameters' | 'secrets'> | undefined {
    return this.values.get(runId);
  }

  keepUnsavedEnd(run: RunRecord): void {
    this.unsavedEnds.set(run.id, run);
  }

  /**
   * The run as this process knows it: the stored record, unless it ended here while the store could not record
   * that (stored as `running`, no attempt in flight).
   */
  known(stored: RunRecord): RunRecord {
    const ended = this.unsavedEnds.get(stored.id);
    if (!ended) return stored;
    if (stored.status === 'running' && !this.inFlight.has(stored.id)) return structuredClone(ended);
    // The store has moved on (a Retry, a restart's recovery): what it says holds again.
    this.unsavedEnds.delete(stored.id);
    return stored;
  }

  isRunning(runId: string): boolean {
    return this.inFlight.has(runId);
  }

  track(runId: string, work: Promise<void>): void {
    // A Retry may start while this attempt's last listeners run: only this attempt's own entry is removed.
    const done: Promise<void> = work.finally(() => {
      if (this.inFlight.get(runId) === done) this.inFlight.delete(runId);
    });
    this.inFlight.set(runId, done);
  }

  /** Resolves with the run once it is settled; `current` is the stored record (already settled, or not yet). */
  settled(current: RunRecord): Promise<RunRecord> {
    if (isSettled(current)) return Promise.resolve(current);
    return new Promise((resolve) => this.waiters.set(current.id, [...(this.waiters.get(current.id) ?? []), resolve]));
  }

  private changed(run: RunRecord): void {
    if (!isSettled(run)) return;
    // The settling change is the run's last: a Retry may come as soon as anyone hears of it.
    this.inFlight.delete(run.id);
    // A failed run keeps its secrets and listeners in memory for Retry; a finished one has no more use for them.
    if (run.status === 'succeeded' || run.status === 'denied') {
      this.values.delete(run.id);
      this.listenerSets.delete(run.id);
      this.busy.delete(decisionClaim(run.id));
    }
    const waiting = this.waiters.get(run.id) ?? [];
    this.waiters.delete(run.id);
    for (const resolve of waiting) resolve(run);
  }
}
