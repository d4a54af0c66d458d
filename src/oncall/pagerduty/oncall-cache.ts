import type { OnCallSchedule } from '../../core/oncall/on-call.ts';

interface Entry {
  schedule: OnCallSchedule;
  answeredAt: number;
  storedAt: number;
}

/**
 * Recent answers per source and minute of the looked-up instant, for `ttlMs` of the clock. An answer is never
 * served for an instant across a shift boundary it knows of, so a cached "now" cannot outlive the shift it shows.
 * Copies go in and out: callers add Slack ids to the people they get.
 */
export class OnCallCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number,
    private readonly maxEntries = 1000,
  ) {}

  get(source: string, at: number): OnCallSchedule | undefined {
    const key = cacheKey(source, at);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock() - entry.storedAt >= this.ttlMs || !answerHolds(entry.schedule, entry.answeredAt, at)) {
      this.entries.delete(key);
      return undefined;
    }
    return structuredClone(entry.schedule);
  }

  set(source: string, at: number, schedule: OnCallSchedule): void {
    if (this.ttlMs <= 0) return;
    const key = cacheKey(source, at);
    this.entries.delete(key);
    this.entries.set(key, { schedule: structuredClone(schedule), answeredAt: at, storedAt: this.clock() });
    this.evictOldest();
  }

  private evictOldest(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return;
      this.entries.delete(key);
    }
  }
}

const cacheKey = (source: string, at: number): string => `${source}@${Math.floor(at / 60_000)}`;

/** True when no shift in `schedule`, answered for `answeredAt`, starts or ends between that instant and `at`. */
export function answerHolds(schedule: OnCallSchedule, answeredAt: number, at: number): boolean {
  const [low, high] = answeredAt <= at ? [answeredAt, at] : [at, answeredAt];
  return !shiftBounds(schedule).some((bound) => bound > low && bound <= high);
}

function shiftBounds(schedule: OnCallSchedule): number[] {
  return schedule.levels.flatMap((level) =>
    [...level.now, ...level.next].flatMap((shift) => [shift.from, shift.until].flatMap((bound) => (bound === undefined ? [] : [Date.parse(bound)]))),
  );
}
