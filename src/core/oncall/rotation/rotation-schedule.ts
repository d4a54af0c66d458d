import type { OnCallLevel, OnCallSchedule, OnCallShift } from '../on-call.ts';
import { layerTurns } from './layer-turns.ts';
import { layerShiftAt, type LayerShift, type LayerWithOverrides } from './layer-timeline.ts';
import type { Rotation } from './rotation.ts';

const isoOf = (instant: number): string => new Date(instant).toISOString();

const onCallShiftOf = (shift: LayerShift & { member: NonNullable<LayerShift['member']> }): OnCallShift => ({
  person: { name: shift.member.name, ref: shift.member.ref },
  ...(shift.from !== undefined ? { from: isoOf(shift.from) } : {}),
  ...(shift.until !== undefined ? { until: isoOf(shift.until) } : {}),
});

const hasMember = (shift: LayerShift): shift is LayerShift & { member: NonNullable<LayerShift['member']> } => shift.member !== undefined;

/** The first span with someone on, from `instant` on (skipping a stretch of nobody before the first handoff). */
const firstStaffedFrom = (timeline: LayerWithOverrides, instant: number): LayerShift | undefined => {
  let shift = layerShiftAt(timeline, instant);
  // Nobody is only ever on before the first handoff, between overrides: a few steps at most.
  while (!hasMember(shift) && shift.until !== undefined) shift = layerShiftAt(timeline, shift.until);
  return hasMember(shift) ? shift : undefined;
};

const levelOf = (rotation: Rotation, index: number, at: number): OnCallLevel => {
  const layer = rotation.layers[index]!;
  const timeline = {
    layer,
    turns: layerTurns(layer, rotation.timezone),
    overrides: rotation.overrides.filter((override) => override.layer === layer.name),
  };
  const now = layerShiftAt(timeline, at);
  const next = now.until === undefined ? undefined : firstStaffedFrom(timeline, now.until);
  return {
    level: index + 1,
    name: layer.name,
    now: hasMember(now) ? [onCallShiftOf(now)] : [],
    next: next && hasMember(next) ? [onCallShiftOf(next)] : [],
  };
};

/**
 * Who is on call in each layer of `rotation` at `at`, and who takes over when that shift ends. Pure: the clock is
 * the caller's. `now` bounds are the real handoffs, overrides included; `next` is the first person after `now`
 * ends (before the start: the first member, from the first handoff).
 */
export function rotationSchedule(rotation: Rotation, at: Date): OnCallSchedule {
  const instant = at.getTime();
  return {
    provider: 'rotation',
    name: rotation.displayName,
    levels: rotation.layers.map((_layer, index) => levelOf(rotation, index, instant)),
  };
}
