import { OnCallUnavailableError } from '../../core/oncall/on-call.ts';

/**
 * One lookup's time budget: a signal that fires when the caller aborts or the budget runs out, whichever comes
 * first, and what is left of the budget (so a 429 back-off never waits past it). Real time, not the injected clock:
 * the clock says what the time is at PagerDuty, this says how long Slack can wait.
 */
export class LookupDeadline {
  readonly signal: AbortSignal;
  private readonly timeout: AbortSignal;
  private readonly endsAt: number;

  constructor(
    readonly timeoutMs: number,
    private readonly caller?: AbortSignal,
  ) {
    this.timeout = AbortSignal.timeout(timeoutMs);
    this.signal = caller ? AbortSignal.any([caller, this.timeout]) : this.timeout;
    this.endsAt = performance.now() + timeoutMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - performance.now());
  }

  /** The caller's own abort reason when it aborted (not a provider failure), else "did not answer in time". */
  failure(): unknown {
    if (this.caller?.aborted) return this.caller.reason;
    return new OnCallUnavailableError(`PagerDuty did not answer within ${formatSeconds(this.timeoutMs)}`);
  }

  /** Throws {@link failure} once the signal has fired. */
  check(): void {
    if (this.signal.aborted) throw this.failure();
  }

  /** Waits `ms`, or throws {@link failure} as soon as the deadline or the caller ends it. */
  async sleep(ms: number): Promise<void> {
    this.check();
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(this.failure());
      };
      const timer = setTimeout(() => {
        this.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** `5000` → `5 s`, `250` → `0.25 s`. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
