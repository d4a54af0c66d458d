import type { Logger } from 'pino';
import type { JobRunRecord } from './job-ledger.ts';
import { messageMadeAt, type PostLedger } from './post-ledger.ts';
import { isHandoffSchedule, slotFloorAt, type PostSlots } from './post-slots.ts';
import { ledgerJobOf, type ScheduleSpec } from './schedule-spec.ts';

/**
 * The latest shift change a handoff's last ledger row stands for. Rows written before handoffs were keyed by their
 * change hold the post time (the change less the lead), and those keys cannot be told apart by their text. A message
 * made before its slot can only be keyed by its change (a post time is never claimed before it comes); one made at
 * or after its slot may be either, so it is read as a post time whose change is the lead later (with today's lead).
 * Read the other way, the first start after the upgrade would announce the last change again. A handoff keyed by its
 * change and posted late leaves no unannounced change in that lead: a change due then would have been posted instead.
 */
const handoffChangeHandled = (spec: ScheduleSpec, last: JobRunRecord, slot: Date): Date => (messageMadeAt(last) < slot ? slot : slotFloorAt(spec, slot));

/**
 * Per schedule, the floor: slots at or before it are not this process's to post (already handled, skipped as
 * missed, or from before the schedule existed). A slot is due only after its schedule's floor. Floors are slots, as
 * the ledger keeps them: for a handoff, shift changes (a moment in time becomes one through `slotFloorAt`).
 */
export class PostFloors {
  private readonly floors = new Map<string, Date>();

  constructor(private readonly options: { ledger: Pick<PostLedger, 'lastRun'>; slots: PostSlots; log: Logger }) {}

  /** Missed slots at start-up: from the last recorded one when they are caught up (`once`), else only from now on. */
  async settleAtStart(spec: ScheduleSpec, now: Date): Promise<void> {
    this.floors.set(spec.id, await this.startFloor(spec, now));
  }

  /** Whatever happens to `slot` next, it is handled here: no retry loop at every tick. */
  handled(spec: ScheduleSpec, slot: Date): void {
    this.floors.set(spec.id, slot);
  }

  private async startFloor(spec: ScheduleSpec, now: Date): Promise<Date> {
    const lastSlot = this.lastSlotOf(spec);
    if (spec.missed === 'once' && lastSlot) {
      // A subscription made again after an unsubscribe finds the old one's slots under its id: none before it was made.
      const made = spec.createdAt ? slotFloorAt(spec, spec.createdAt) : undefined;
      return made && made > lastSlot ? made : lastSlot;
    }
    if (lastSlot && spec.missed === 'skip' && (await this.options.slots.dueSlot(spec, lastSlot, now)))
      this.options.log.info({ schedule: spec.id }, `schedule ${spec.id} missed slots while Callboard was down; skipped (missed: skip)`);
    return slotFloorAt(spec, now);
  }

  /** The floor as of `now`; a schedule first seen after start-up (a new subscription) posts from when it was made. */
  floorOf(spec: ScheduleSpec, now: Date): Date {
    let floor = this.floors.get(spec.id);
    if (!floor) {
      floor = slotFloorAt(spec, spec.createdAt && spec.createdAt < now ? spec.createdAt : now);
      this.floors.set(spec.id, floor);
    }
    const lastSlot = this.lastSlotOf(spec);
    return lastSlot && lastSlot > floor ? lastSlot : floor;
  }

  private lastSlotOf(spec: ScheduleSpec): Date | undefined {
    const last = this.options.ledger.lastRun(ledgerJobOf(spec.id));
    const lastSlot = last ? new Date(last.slot) : undefined;
    if (!last || !lastSlot || Number.isNaN(lastSlot.getTime())) return undefined;
    return isHandoffSchedule(spec) ? handoffChangeHandled(spec, last, lastSlot) : lastSlot;
  }
}
