import type { OnCallSchedule } from '../core/oncall/on-call.ts';
import type { SlotSeries } from './slot-series.ts';

/** Who is on call for a handoff schedule's team at an instant; throws ScheduleFailure when nobody can say. */
export type TeamShifts = (at: Date) => Promise<OnCallSchedule>;

/** Every instant the answer shows someone going on or off call, at any level. */
const shiftChangesOf = (schedule: OnCallSchedule): number[] => {
  const instants = new Set<number>();
  for (const level of schedule.levels) {
    for (const shift of [...level.now, ...level.next]) {
      for (const bound of [shift.from, shift.until]) {
        const time = bound ? Date.parse(bound) : Number.NaN;
        if (!Number.isNaN(time)) instants.add(time);
      }
    }
  }
  return [...instants].sort((a, b) => a - b);
};

/**
 * A handoff schedule's slots: the shift changes of the team's on-call (any level) themselves, so a slot's identity in
 * the ledger is the change it announces whatever the lead (post-slots.ts posts each one `handoffLead` earlier: a
 * changed lead never announces a change twice). A lookup at `instant` shows the latest change at or before it (when
 * the shifts on now began) and the next ones (when they end, and when the next people start), so neither direction
 * walks shift by shift. The changes of the last answer are remembered: when the provider is down, a slot learnt
 * before is still due, and its post fails with the reason (the slot is recorded failed, and the next slot tries
 * again) rather than silently never coming.
 */
export const handoffSlotSeries = (shifts: TeamShifts): SlotSeries => {
  let known: number[] | undefined;
  const changesAround = async (at: number): Promise<number[]> => {
    try {
      known = shiftChangesOf(await shifts(new Date(at)));
    } catch (error) {
      if (!known) throw error;
    }
    return known;
  };
  return {
    async nextAfter(instant) {
      const at = instant.getTime();
      const next = (await changesAround(at)).find((change) => change > at);
      return next === undefined ? undefined : new Date(next);
    },
    async latestBetween(floor, instant) {
      const at = instant.getTime();
      const latest = (await changesAround(at)).filter((change) => change <= at).at(-1);
      return latest !== undefined && latest > floor.getTime() ? new Date(latest) : undefined;
    },
  };
};
