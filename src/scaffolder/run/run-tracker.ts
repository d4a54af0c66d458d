import type { RunRecord, StepRecord } from '../../core/scaffolder/run-record.ts';
import type { RunListener } from '../scaffolder.ts';
import type { ScaffolderDeps } from './scaffolder-deps.ts';

/**
 * Holds one run's record while something changes it: each change is saved, then every listener hears it (a
 * listener that throws is logged, never stops the run). Changes to one run are made one after another.
 */
export class RunTracker {
  constructor(
    private record: RunRecord,
    private readonly deps: Pick<ScaffolderDeps, 'runStore' | 'log'>,
    private readonly listeners: ReadonlySet<RunListener>,
  ) {}

  get run(): RunRecord {
    return this.record;
  }

  async update(change: (run: RunRecord) => RunRecord): Promise<RunRecord> {
    this.record = change(this.record);
    await this.deps.runStore.save(this.record);
    await this.notify();
    return this.record;
  }

  /**
   * A run's last change when the store may be failing: `saved` learns whether the save worked (its error, else
   * undefined) before any listener hears the change, and listeners hear it even when it was not saved (the person
   * sees the run end rather than hang).
   */
  async finish(change: (run: RunRecord) => RunRecord, saved: (saveError: unknown, run: RunRecord) => void): Promise<void> {
    this.record = change(this.record);
    let saveError: unknown;
    try {
      await this.deps.runStore.save(this.record);
    } catch (error) {
      saveError = error ?? new Error('the run store failed without saying why');
    }
    saved(saveError, structuredClone(this.record));
    await this.notify();
  }

  updateStep(stepId: string, change: (step: StepRecord) => StepRecord): Promise<RunRecord> {
    return this.update((run) => ({ ...run, steps: run.steps.map((step) => (step.id === stepId ? change(step) : step)) }));
  }

  async notify(): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(structuredClone(this.record));
      } catch (error) {
        this.deps.log.warn({ err: error, runId: this.record.id }, 'a scaffolder run listener failed; the run goes on');
      }
    }
  }
}
