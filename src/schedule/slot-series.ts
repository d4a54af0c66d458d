import type { CronSlots } from './cron-slots.ts';

/**
 * Where a schedule's slots come from: its cron (cron-slots.ts), or the shift changes of a team's on-call (each
 * posted the handoff lead before; handoff-slot-series.ts). Asynchronous because a paging tool may have to be asked;
 * everything else about a slot (ledger, claim, metadata, recovery, missed, quiet hours) is the same for both.
 */
export interface SlotSeries {
  /** The first slot strictly after `instant`, if one is known. */
  nextAfter(instant: Date): Promise<Date | undefined>;
  /** The latest slot at or before `instant` and strictly after `floor`, if there is one. */
  latestBetween(floor: Date, instant: Date): Promise<Date | undefined>;
}

export const cronSlotSeries = (slots: CronSlots): SlotSeries => ({
  nextAfter: async (instant) => slots.nextAfter(instant),
  latestBetween: async (floor, instant) => slots.latestBetween(floor, instant),
});
