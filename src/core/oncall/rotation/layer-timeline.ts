import type { LayerTurns } from './layer-turns.ts';
import type { RotationLayer, RotationMember, RotationOverride } from './rotation.ts';

/**
 * Who holds one layer over time once overrides are laid on its turns. A {@link LayerShift} is a maximal span with
 * one person (or nobody): a handoff between two turns of the same person, or an override by the person already
 * on, is not a change, so `until` is when someone else actually takes over.
 */
export interface LayerShift {
  /** Absent: nobody (before the layer's first handoff, outside overrides). */
  member?: RotationMember;
  /** Instant the span began; absent when it reaches back forever (nobody before the start). */
  from?: number;
  /** Instant the span ends; absent when it never does (a layer whose only member is always on). */
  until?: number;
}

/** One layer, its turns, and the overrides naming it in the order written. */
export interface LayerWithOverrides {
  layer: RotationLayer;
  turns: LayerTurns;
  overrides: readonly RotationOverride[];
}

// More steps than any real rotation needs to find a change; past it the span is reported as it stands.
const MAX_STEPS = 10_000;

const maxOf = (values: (number | undefined)[]): number | undefined => {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length > 0 ? Math.max(...defined) : undefined;
};

const minOf = (values: (number | undefined)[]): number | undefined => {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length > 0 ? Math.min(...defined) : undefined;
};

/** The layer's own turn at `instant`; one member repeated is a single endless turn from the first handoff. */
const turnPieceAt = ({ layer, turns }: LayerWithOverrides, instant: number): LayerShift => {
  const k = turns.turnAt(instant);
  if (k === undefined) return { until: turns.handoffAt(0) };
  const single = layer.members.every((member) => member.ref === layer.members[0]!.ref);
  if (single) return { member: layer.members[0]!, from: turns.handoffAt(0) };
  return { member: layer.members[k % layer.members.length]!, from: turns.handoffAt(k), until: turns.handoffAt(k + 1) };
};

/**
 * The piece of the timeline holding `instant`: bounded by the layer's handoffs and every override edge that
 * changes who is on. Inside an override, the latest-written override covering the instant wins; later-written
 * overrides starting or ending inside it cut it.
 */
const pieceAt = (timeline: LayerWithOverrides, instant: number): LayerShift => {
  const { overrides } = timeline;
  const winner = overrides.findLastIndex((override) => override.from <= instant && instant < override.until);
  if (winner >= 0) {
    const override = overrides[winner]!;
    const above = overrides.slice(winner + 1);
    return {
      member: override.member,
      from: maxOf([override.from, ...above.map((other) => (other.until <= instant ? other.until : undefined))]),
      until: minOf([override.until, ...above.map((other) => (other.from > instant ? other.from : undefined))]),
    };
  }
  const turn = turnPieceAt(timeline, instant);
  return {
    ...(turn.member ? { member: turn.member } : {}),
    from: maxOf([turn.from, ...overrides.map((other) => (other.until <= instant ? other.until : undefined))]),
    until: minOf([turn.until, ...overrides.map((other) => (other.from > instant ? other.from : undefined))]),
  };
};

const samePerson = (a: LayerShift, b: LayerShift): boolean => a.member?.ref === b.member?.ref;

const bounds = (piece: LayerShift): LayerShift => ({
  ...(piece.member ? { member: piece.member } : {}),
  ...(piece.from !== undefined ? { from: piece.from } : {}),
  ...(piece.until !== undefined ? { until: piece.until } : {}),
});

/** The maximal span with the same person (or nobody) around `instant`. */
export function layerShiftAt(timeline: LayerWithOverrides, instant: number): LayerShift {
  const piece = pieceAt(timeline, instant);
  let { from, until } = piece;
  for (let steps = 0; until !== undefined && steps < MAX_STEPS; steps += 1) {
    const following = pieceAt(timeline, until);
    if (!samePerson(following, piece)) break;
    until = following.until;
  }
  for (let steps = 0; from !== undefined && steps < MAX_STEPS; steps += 1) {
    const preceding = pieceAt(timeline, from - 1);
    if (!samePerson(preceding, piece)) break;
    from = preceding.from;
  }
  return bounds({ member: piece.member, from, until });
}
