import type { RotationLayer } from './rotation.ts';
import { instantAt, localAt } from './zoned-time.ts';

/**
 * Turn arithmetic of one layer without overrides. Turn k starts at the wall-clock reading start + k × length,
 * turned into an instant by the compatible rule (zoned-time.ts), and belongs to members[k mod count]. Counting on
 * the wall clock keeps a weekly 09:00 handoff at 09:00 and a 12h layer at 06:00 / 18:00 across DST changes; the
 * turns around a change are an hour longer or shorter in real time.
 */
export interface LayerTurns {
  /** The instant turn `k` begins. Non-decreasing in k: both the gap and the fold rule read with the earlier offset. */
  handoffAt(k: number): number;
  /**
   * The turn running at `instant`: the largest k ≥ 0 whose handoff is at or before it, or undefined before the first
   * handoff. A turn whose handoff falls in a skipped hour can begin at the same instant as the next one; it is then
   * empty and never returned.
   */
  turnAt(instant: number): number | undefined;
}

/** The turns of `layer` in `timezone`; handoff instants are remembered, as one lookup asks for the same few often. */
export function layerTurns(layer: RotationLayer, timezone: string): LayerTurns {
  const handoffs = new Map<number, number>();
  const handoffAt = (k: number): number => {
    let instant = handoffs.get(k);
    if (instant === undefined) {
      instant = instantAt(layer.startLocal + k * layer.lengthMs, timezone);
      handoffs.set(k, instant);
    }
    return instant;
  };
  const turnAt = (instant: number): number | undefined => {
    if (instant < handoffAt(0)) return undefined;
    // ⌊(t − start) / length⌋ on the wall clock, then corrected where a change of offset moves the handoff.
    let k = Math.max(0, Math.floor((localAt(instant, timezone) - layer.startLocal) / layer.lengthMs));
    while (k > 0 && handoffAt(k) > instant) k -= 1;
    while (handoffAt(k + 1) <= instant) k += 1;
    return k;
  };
  return { handoffAt, turnAt };
}
