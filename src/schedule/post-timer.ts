import type { Logger } from 'pino';
import type { Clock } from '../core/ports.ts';

/** At most this long between two looks at the schedules, so new subscriptions and clock jumps are seen. */
const MAX_SLEEP_MS = 60_000;

export interface PostTimerOptions {
  clock: Clock;
  log: Logger;
  /** When something is next due (ms since the epoch), per schedule; undefined entries are left out. */
  nextDueTimes: (now: Date) => Promise<(number | undefined)[]>;
  tick: () => Promise<unknown>;
}

/**
 * The timer loop: sleeps until the next post time (or a minute, whichever is sooner), ticks, and arms again. A
 * failed tick is logged; the next one retries. The timer never keeps the process alive on its own.
 */
export class PostTimer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The tick under way, which `stop` waits for (a handoff's tick may be waiting on an on-call provider). */
  private ticking: Promise<unknown> | undefined;

  constructor(private readonly options: PostTimerOptions) {}

  /** Times the next tick; a failed look at what is next is logged and retried within a minute. */
  arm(): void {
    if (this.stopped) return;
    const now = this.options.clock.now();
    void this.options
      .nextDueTimes(now)
      .catch((error: unknown) => {
        this.options.log.error({ err: error }, 'scheduled posts: could not work out the next post time; looking again within a minute');
        return [] as (number | undefined)[];
      })
      .then((times) =>
        this.armAt(
          now,
          times.filter((time): time is number => time !== undefined),
        ),
      );
  }

  private armAt(now: Date, next: number[]): void {
    if (this.stopped) return;
    const wait = Math.max(0, Math.min(MAX_SLEEP_MS, ...next.map((time) => time - now.getTime())));
    this.timer = setTimeout(() => {
      this.ticking = this.options
        .tick()
        .catch((error: unknown) => this.options.log.error({ err: error }, 'scheduled posts: a tick failed; the next one retries'))
        .finally(() => {
          this.ticking = undefined;
          this.arm();
        });
    }, wait);
    this.timer.unref();
  }

  /** No more ticks; resolves once the one under way, if any, has ended (so nothing is claimed or posted after). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
  }
}
