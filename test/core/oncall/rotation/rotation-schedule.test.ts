import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../src/core/catalog/entity.ts';
import { InvalidInputError } from '../../../../src/core/errors.ts';
import type { OnCallLevel } from '../../../../src/core/oncall/on-call.ts';
import { parseRotation } from '../../../../src/core/oncall/rotation/rotation.ts';
import { rotationSchedule } from '../../../../src/core/oncall/rotation/rotation-schedule.ts';

interface Layer {
  name?: string;
  members: string[];
  start: string;
  length: string;
}

const rotationEntity = (timezone: string, layers: Layer[], overrides: unknown[] = [], metadata: Record<string, unknown> = {}): Entity => ({
  apiVersion: 'callboard.dev/v1alpha1',
  kind: 'Rotation',
  metadata: { name: 'payments-primary', ...metadata },
  spec: { owner: 'group:payments-team', timezone, layers: layers.map((layer, index) => ({ name: `layer-${index + 1}`, ...layer })), overrides },
});

/** Level 1 of the rotation at `at`, as `name from..until` strings. */
const firstLevel = (entity: Entity, at: string): { now: string[]; next: string[] } => {
  const level = rotationSchedule(parseRotation(entity), new Date(at)).levels[0]!;
  return summary(level);
};

const summary = (level: OnCallLevel) => {
  const text = (shift: OnCallLevel['now'][number]) => `${shift.person.name} ${shift.from ?? '…'}..${shift.until ?? '…'}`;
  return { now: level.now.map(text), next: level.next.map(text) };
};

/** `2026-03-29T01:00:00.000Z` written short in expectations. */
const z = (text: string) => new Date(text).toISOString();

const weekly = (timezone: string, start = '2026-01-05T09:00') => rotationEntity(timezone, [{ members: ['alice', 'bob', 'carol'], start, length: '1w' }]);

describe('rotationSchedule: the schedule shape', () => {
  it('has one level per layer, level 1 first, named after the layers; provider rotation; the title as name', () => {
    const entity = rotationEntity(
      'Europe/Berlin',
      [
        { name: 'primary', members: ['user:alice', 'bob'], start: '2026-01-05T09:00', length: '1w' },
        { name: 'secondary', members: ['user:ops/dave'], start: '2026-01-05T09:00', length: '2w' },
      ],
      [],
      { title: 'Payments primary' },
    );
    const schedule = rotationSchedule(parseRotation(entity), new Date('2026-01-06T12:00:00Z'));
    expect(schedule).toEqual({
      provider: 'rotation',
      name: 'Payments primary',
      levels: [
        {
          level: 1,
          name: 'primary',
          now: [{ person: { name: 'alice', ref: 'user:default/alice' }, from: z('2026-01-05T08:00Z'), until: z('2026-01-12T08:00Z') }],
          next: [{ person: { name: 'bob', ref: 'user:default/bob' }, from: z('2026-01-12T08:00Z'), until: z('2026-01-19T08:00Z') }],
        },
        {
          level: 2,
          name: 'secondary',
          now: [{ person: { name: 'dave', ref: 'user:ops/dave' }, from: z('2026-01-05T08:00Z') }],
          next: [],
        },
      ],
    });
    expect(schedule.url).toBeUndefined();
  });

  it('is named by metadata.name without a title', () => {
    expect(rotationSchedule(parseRotation(weekly('UTC')), new Date('2026-02-01T00:00:00Z')).name).toBe('payments-primary');
  });

  it('counts turns from the start: member index ⌊(t − start) / length⌋ mod count', () => {
    // 2026-03-02 09:00 is 8 weeks after the start: 8 mod 3 = 2 → carol.
    expect(firstLevel(weekly('UTC'), '2026-03-02T09:00:00Z').now).toEqual([`carol ${z('2026-03-02T09:00Z')}..${z('2026-03-09T09:00Z')}`]);
    expect(firstLevel(weekly('UTC'), '2026-03-02T08:59:59.999Z').now).toEqual([`bob ${z('2026-02-23T09:00Z')}..${z('2026-03-02T09:00Z')}`]);
  });
});

describe('rotationSchedule: before the start', () => {
  it('has nobody now and the first member next, from the start', () => {
    expect(firstLevel(weekly('Europe/Berlin'), '2026-01-05T07:59:59Z')).toEqual({
      now: [],
      next: [`alice ${z('2026-01-05T08:00Z')}..${z('2026-01-12T08:00Z')}`],
    });
  });

  it('lets an override before the start put someone on, then the first member', () => {
    const entity = rotationEntity(
      'Europe/Berlin',
      [{ members: ['alice', 'bob'], start: '2026-01-05T09:00', length: '1w' }],
      [{ layer: 'layer-1', user: 'frank', from: '2026-01-01T00:00', until: '2026-01-02T00:00' }],
    );
    expect(firstLevel(entity, '2026-01-01T12:00:00Z')).toEqual({
      now: [`frank ${z('2025-12-31T23:00Z')}..${z('2026-01-01T23:00Z')}`],
      next: [`alice ${z('2026-01-05T08:00Z')}..${z('2026-01-12T08:00Z')}`],
    });
    expect(firstLevel(entity, '2026-01-03T12:00:00Z').now).toEqual([]);
  });
});

describe('rotationSchedule: one member', () => {
  it('is on from the start with no end and nobody next', () => {
    const entity = rotationEntity('Europe/Berlin', [{ members: ['alice'], start: '2026-01-05T09:00', length: '1d' }]);
    expect(firstLevel(entity, '2027-06-01T00:00:00Z')).toEqual({ now: [`alice ${z('2026-01-05T08:00Z')}..…`], next: [] });
  });

  it('is cut by an override and resumes after it', () => {
    const entity = rotationEntity(
      'UTC',
      [{ members: ['alice', 'user:alice'], start: '2026-01-05T09:00', length: '1d' }],
      [{ layer: 'layer-1', user: 'bob', from: '2026-02-01T00:00', until: '2026-02-02T00:00' }],
    );
    expect(firstLevel(entity, '2026-01-20T00:00:00Z')).toEqual({
      now: [`alice ${z('2026-01-05T09:00Z')}..${z('2026-02-01T00:00Z')}`],
      next: [`bob ${z('2026-02-01T00:00Z')}..${z('2026-02-02T00:00Z')}`],
    });
    expect(firstLevel(entity, '2026-02-01T12:00:00Z').next).toEqual([`alice ${z('2026-02-02T00:00Z')}..…`]);
  });
});

describe('rotationSchedule: DST in Europe/Berlin (2026-03-29 02:00 → 03:00, 2026-10-25 03:00 → 02:00)', () => {
  it('keeps a weekly handoff at 09:00 local across both changes', () => {
    const spring = firstLevel(weekly('Europe/Berlin'), '2026-03-29T12:00:00Z');
    // 2026-03-23 is 11 weeks after the start (11 mod 3 = 2 → carol); the week after is alice's.
    expect(spring).toEqual({
      now: [`carol ${z('2026-03-23T08:00Z')}..${z('2026-03-30T07:00Z')}`],
      next: [`alice ${z('2026-03-30T07:00Z')}..${z('2026-04-06T07:00Z')}`],
    });
    const autumn = firstLevel(weekly('Europe/Berlin'), '2026-10-25T12:00:00Z');
    // 2026-10-19 is 41 weeks after the start: 41 mod 3 = 2 → carol.
    expect(autumn).toEqual({
      now: [`carol ${z('2026-10-19T07:00Z')}..${z('2026-10-26T08:00Z')}`],
      next: [`alice ${z('2026-10-26T08:00Z')}..${z('2026-11-02T08:00Z')}`],
    });
  });

  it('hands a 12h layer over at 06:00 and 18:00 local: 11 real hours in spring, 13 in autumn', () => {
    const entity = rotationEntity('Europe/Berlin', [{ members: ['day', 'night'], start: '2026-01-05T06:00', length: '12h' }]);
    expect(firstLevel(entity, '2026-03-29T00:00:00Z')).toEqual({
      now: [`night ${z('2026-03-28T17:00Z')}..${z('2026-03-29T04:00Z')}`],
      next: [`day ${z('2026-03-29T04:00Z')}..${z('2026-03-29T16:00Z')}`],
    });
    expect(firstLevel(entity, '2026-10-25T00:00:00Z')).toEqual({
      now: [`night ${z('2026-10-24T16:00Z')}..${z('2026-10-25T05:00Z')}`],
      next: [`day ${z('2026-10-25T05:00Z')}..${z('2026-10-25T17:00Z')}`],
    });
  });

  it('hands a 1d layer over at 09:00 local: 23 real hours in spring, 25 in autumn', () => {
    const entity = rotationEntity('Europe/Berlin', [{ members: ['alice', 'bob'], start: '2026-01-05T09:00', length: '1d' }]);
    // 2026-03-28 is day 82 (even → alice).
    expect(firstLevel(entity, '2026-03-28T12:00:00Z')).toEqual({
      now: [`alice ${z('2026-03-28T08:00Z')}..${z('2026-03-29T07:00Z')}`],
      next: [`bob ${z('2026-03-29T07:00Z')}..${z('2026-03-30T07:00Z')}`],
    });
    // 2026-10-24 is day 292 (even → alice).
    expect(firstLevel(entity, '2026-10-24T12:00:00Z')).toEqual({
      now: [`alice ${z('2026-10-24T07:00Z')}..${z('2026-10-25T08:00Z')}`],
      next: [`bob ${z('2026-10-25T08:00Z')}..${z('2026-10-26T08:00Z')}`],
    });
  });
});

describe('rotationSchedule: DST in America/New_York (2026-03-08 02:00 → 03:00, 2026-11-01 02:00 → 01:00)', () => {
  it('keeps a weekly handoff at 09:00 local across both changes', () => {
    // Week 9 (2026-03-09) is 9 mod 3 = 0 → alice; week 8 is carol.
    expect(firstLevel(weekly('America/New_York'), '2026-03-08T12:00:00Z')).toEqual({
      now: [`carol ${z('2026-03-02T14:00Z')}..${z('2026-03-09T13:00Z')}`],
      next: [`alice ${z('2026-03-09T13:00Z')}..${z('2026-03-16T13:00Z')}`],
    });
    // Week 42 (2026-10-26) is 42 mod 3 = 0 → alice.
    expect(firstLevel(weekly('America/New_York'), '2026-11-01T12:00:00Z')).toEqual({
      now: [`alice ${z('2026-10-26T13:00Z')}..${z('2026-11-02T14:00Z')}`],
      next: [`bob ${z('2026-11-02T14:00Z')}..${z('2026-11-09T14:00Z')}`],
    });
  });

  it('hands a 12h layer over at 06:00 and 18:00 local', () => {
    const entity = rotationEntity('America/New_York', [{ members: ['day', 'night'], start: '2026-01-05T06:00', length: '12h' }]);
    expect(firstLevel(entity, '2026-03-08T08:00:00Z')).toEqual({
      now: [`night ${z('2026-03-07T23:00Z')}..${z('2026-03-08T10:00Z')}`],
      next: [`day ${z('2026-03-08T10:00Z')}..${z('2026-03-08T22:00Z')}`],
    });
    expect(firstLevel(entity, '2026-11-01T08:00:00Z')).toEqual({
      now: [`night ${z('2026-10-31T22:00Z')}..${z('2026-11-01T11:00Z')}`],
      next: [`day ${z('2026-11-01T11:00Z')}..${z('2026-11-01T23:00Z')}`],
    });
  });

  it('hands a 1d layer over at 09:00 local', () => {
    const entity = rotationEntity('America/New_York', [{ members: ['alice', 'bob'], start: '2026-01-05T09:00', length: '1d' }]);
    // 2026-03-07 is day 61 (odd → bob); 2026-10-31 is day 299 (odd → bob).
    expect(firstLevel(entity, '2026-03-07T20:00:00Z').now).toEqual([`bob ${z('2026-03-07T14:00Z')}..${z('2026-03-08T13:00Z')}`]);
    expect(firstLevel(entity, '2026-10-31T20:00:00Z').now).toEqual([`bob ${z('2026-10-31T13:00Z')}..${z('2026-11-01T14:00Z')}`]);
  });
});

describe('rotationSchedule: handoffs at times that do not exist or happen twice (compatible rule)', () => {
  it('moves a handoff in the skipped hour to the same wall reading on the new clock (02:30 → 03:30)', () => {
    const entity = rotationEntity('Europe/Berlin', [{ members: ['alice', 'bob'], start: '2026-01-05T02:30', length: '1d' }]);
    // 2026-03-28 is day 82 → alice, until 2026-03-29 02:30, which does not exist: 03:30 CEST (01:30Z).
    expect(firstLevel(entity, '2026-03-28T12:00:00Z')).toEqual({
      now: [`alice ${z('2026-03-28T01:30Z')}..${z('2026-03-29T01:30Z')}`],
      next: [`bob ${z('2026-03-29T01:30Z')}..${z('2026-03-30T00:30Z')}`],
    });
  });

  it('takes the earlier of a repeated wall time (02:30 CEST, not 02:30 CET)', () => {
    const entity = rotationEntity('Europe/Berlin', [{ members: ['alice', 'bob'], start: '2026-01-05T02:30', length: '1d' }]);
    // 2026-10-24 is day 292 → alice, until the first 02:30 of 2026-10-25 (00:30Z); bob then holds 25 real hours.
    expect(firstLevel(entity, '2026-10-24T12:00:00Z')).toEqual({
      now: [`alice ${z('2026-10-24T00:30Z')}..${z('2026-10-25T00:30Z')}`],
      next: [`bob ${z('2026-10-25T00:30Z')}..${z('2026-10-26T01:30Z')}`],
    });
    expect(firstLevel(entity, '2026-10-25T01:00:00Z').now).toEqual([`bob ${z('2026-10-25T00:30Z')}..${z('2026-10-26T01:30Z')}`]);
  });

  it('leaves an hourly turn that starts in the skipped hour empty, and gives one in the repeated hour two real hours', () => {
    const spring = rotationEntity('Europe/Berlin', [{ members: ['a', 'b', 'c'], start: '2026-03-29T00:00', length: '1h' }]);
    // Turns at 00:00 (a), 01:00 (b), 02:00 → 03:00 CEST (c), 03:00 CEST (a): c's turn has no length.
    expect(firstLevel(spring, '2026-03-29T00:30:00Z')).toEqual({
      now: [`b ${z('2026-03-29T00:00Z')}..${z('2026-03-29T01:00Z')}`],
      next: [`a ${z('2026-03-29T01:00Z')}..${z('2026-03-29T02:00Z')}`],
    });
    const autumn = rotationEntity('Europe/Berlin', [{ members: ['a', 'b', 'c'], start: '2026-10-25T00:00', length: '1h' }]);
    // Turns at 00:00 CEST (a), 01:00 CEST (b), the first 02:00 (c), 03:00 CET (a): c is on from 00:00Z to 02:00Z.
    expect(firstLevel(autumn, '2026-10-25T01:30:00Z')).toEqual({
      now: [`c ${z('2026-10-25T00:00Z')}..${z('2026-10-25T02:00Z')}`],
      next: [`a ${z('2026-10-25T02:00Z')}..${z('2026-10-25T03:00Z')}`],
    });
  });

  it('reads a start in the skipped hour by the same rule', () => {
    const entity = rotationEntity('Europe/Berlin', [{ members: ['alice', 'bob'], start: '2026-03-29T02:30', length: '1d' }]);
    expect(firstLevel(entity, '2026-03-29T00:00:00Z')).toEqual({ now: [], next: [`alice ${z('2026-03-29T01:30Z')}..${z('2026-03-30T00:30Z')}`] });
  });
});

describe('rotationSchedule: offsets on start', () => {
  it('takes the time of day the zone shows at an instant written with an offset', () => {
    const local = weekly('Europe/Berlin', '2026-01-05T09:00');
    for (const start of ['2026-01-05T08:00Z', '2026-01-05T09:00+01:00', '2026-01-05T03:00:00-05:00']) {
      for (const at of ['2026-01-05T07:00:00Z', '2026-03-29T12:00:00Z', '2026-10-25T12:00:00Z']) {
        expect(firstLevel(weekly('Europe/Berlin', start), at)).toEqual(firstLevel(local, at));
      }
    }
  });

  it('keeps handoffs at the local time of an offset start that differs from the zone', () => {
    // 09:00 in New York is 15:00 in Berlin: the handoff is 15:00 Berlin time, winter and summer.
    const entity = weekly('Europe/Berlin', '2026-01-05T09:00-05:00');
    expect(firstLevel(entity, '2026-01-06T00:00:00Z').now).toEqual([`alice ${z('2026-01-05T14:00Z')}..${z('2026-01-12T14:00Z')}`]);
    expect(firstLevel(entity, '2026-07-01T00:00:00Z').now[0]).toMatch(/T13:00:00\.000Z\.\..*T13:00:00\.000Z$/);
  });
});

describe('rotationSchedule: overrides', () => {
  const withOverrides = (overrides: unknown[]) =>
    rotationEntity('Europe/Berlin', [{ name: 'primary', members: ['alice', 'bob', 'carol'], start: '2026-01-05T09:00', length: '1w' }], overrides);
  // Week of 2026-12-21 09:00 CET (08:00Z) is week 50: 50 mod 3 = 2 → carol; 2026-12-28 is alice's.

  it('cuts the current shift when it starts before the natural end (the issue example)', () => {
    const entity = withOverrides([{ layer: 'primary', user: 'user:frank', from: '2026-12-24T00:00', until: '2026-12-27T00:00' }]);
    expect(firstLevel(entity, '2026-12-23T12:00:00Z')).toEqual({
      now: [`carol ${z('2026-12-21T08:00Z')}..${z('2026-12-23T23:00Z')}`],
      next: [`frank ${z('2026-12-23T23:00Z')}..${z('2026-12-26T23:00Z')}`],
    });
    expect(firstLevel(entity, '2026-12-25T12:00:00Z')).toEqual({
      now: [`frank ${z('2026-12-23T23:00Z')}..${z('2026-12-26T23:00Z')}`],
      next: [`carol ${z('2026-12-26T23:00Z')}..${z('2026-12-28T08:00Z')}`],
    });
  });

  it('holds across a handoff it spans; the next person is the one whose turn is running when it ends', () => {
    const entity = withOverrides([{ layer: 'primary', user: 'frank', from: '2026-12-27T00:00', until: '2026-12-29T00:00' }]);
    expect(firstLevel(entity, '2026-12-28T12:00:00Z')).toEqual({
      now: [`frank ${z('2026-12-26T23:00Z')}..${z('2026-12-28T23:00Z')}`],
      next: [`alice ${z('2026-12-28T23:00Z')}..${z('2027-01-04T08:00Z')}`],
    });
  });

  it('hands over between back-to-back overrides', () => {
    const entity = withOverrides([
      { layer: 'primary', user: 'frank', from: '2026-12-24T00:00', until: '2026-12-27T00:00' },
      { layer: 'primary', user: 'gina', from: '2026-12-27T00:00', until: '2026-12-29T00:00' },
    ]);
    expect(firstLevel(entity, '2026-12-25T12:00:00Z')).toEqual({
      now: [`frank ${z('2026-12-23T23:00Z')}..${z('2026-12-26T23:00Z')}`],
      next: [`gina ${z('2026-12-26T23:00Z')}..${z('2026-12-28T23:00Z')}`],
    });
  });

  it('joins back-to-back overrides of one person, and an override by the person already on', () => {
    const entity = withOverrides([
      { layer: 'primary', user: 'frank', from: '2026-12-24T00:00', until: '2026-12-25T00:00' },
      { layer: 'primary', user: 'user:frank', from: '2026-12-25T00:00', until: '2026-12-26T00:00' },
      { layer: 'primary', user: 'alice', from: '2026-12-28T00:00', until: '2026-12-28T12:00' },
    ]);
    expect(firstLevel(entity, '2026-12-24T12:00:00Z').now).toEqual([`frank ${z('2026-12-23T23:00Z')}..${z('2026-12-25T23:00Z')}`]);
    // alice covers the night before her own turn: one shift from the override's start to her turn's end.
    expect(firstLevel(entity, '2026-12-27T12:00:00Z').next).toEqual([`alice ${z('2026-12-27T23:00Z')}..${z('2027-01-04T08:00Z')}`]);
  });

  it('lets the later-written override win where two overlap, and the earlier one resume', () => {
    const entity = withOverrides([
      { layer: 'primary', user: 'frank', from: '2026-12-24T00:00', until: '2026-12-27T00:00' },
      { layer: 'primary', user: 'gina', from: '2026-12-25T00:00', until: '2026-12-26T00:00' },
    ]);
    expect(firstLevel(entity, '2026-12-24T12:00:00Z')).toEqual({
      now: [`frank ${z('2026-12-23T23:00Z')}..${z('2026-12-24T23:00Z')}`],
      next: [`gina ${z('2026-12-24T23:00Z')}..${z('2026-12-25T23:00Z')}`],
    });
    expect(firstLevel(entity, '2026-12-25T12:00:00Z').next).toEqual([`frank ${z('2026-12-25T23:00Z')}..${z('2026-12-26T23:00Z')}`]);
  });

  it('applies inside [from, until): on at from, off at until', () => {
    const entity = withOverrides([{ layer: 'primary', user: 'frank', from: '2026-12-24T00:00Z', until: '2026-12-25T00:00Z' }]);
    expect(firstLevel(entity, '2026-12-24T00:00:00Z').now[0]).toMatch(/^frank /);
    expect(firstLevel(entity, '2026-12-24T23:59:59.999Z').now[0]).toMatch(/^frank /);
    expect(firstLevel(entity, '2026-12-25T00:00:00Z').now[0]).toMatch(/^carol /);
  });

  it('touches only its own layer', () => {
    const entity = rotationEntity(
      'UTC',
      [
        { name: 'primary', members: ['alice', 'bob'], start: '2026-01-05T09:00', length: '1w' },
        { name: 'secondary', members: ['dave', 'erin'], start: '2026-01-05T09:00', length: '1w' },
      ],
      [{ layer: 'secondary', user: 'frank', from: '2026-01-06T00:00', until: '2026-01-07T00:00' }],
    );
    const levels = rotationSchedule(parseRotation(entity), new Date('2026-01-06T12:00:00Z')).levels.map(summary);
    expect(levels.map((level) => level.now[0]!.split(' ')[0])).toEqual(['alice', 'frank']);
  });
});

describe('rotationSchedule: invariants over a year of samples', () => {
  const layers: Layer[] = [
    { name: 'weekly', members: ['alice', 'bob', 'carol'], start: '2026-01-05T09:00', length: '1w' },
    { name: 'half-day', members: ['day', 'night'], start: '2026-01-05T06:00', length: '12h' },
    { name: 'daily-at-02-30', members: ['a', 'b', 'c', 'd'], start: '2026-01-05T02:30', length: '1d' },
    { name: 'five-hours', members: ['x', 'y'], start: '2026-01-05T00:00', length: '5h' },
  ];

  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Sydney'])(
    '%s: now holds the instant, next starts when now ends, handoffs keep their wall time',
    (zone) => {
      const rotation = parseRotation(rotationEntity(zone, layers));
      const wallTime = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      for (let instant = Date.parse('2026-01-06T00:00:00Z'); instant < Date.parse('2027-01-06T00:00:00Z'); instant += 13 * 3_600_000 + 60_000) {
        const schedule = rotationSchedule(rotation, new Date(instant));
        for (const level of schedule.levels) {
          const now = level.now[0]!;
          const next = level.next[0]!;
          expect(Date.parse(now.from!)).toBeLessThanOrEqual(instant);
          expect(Date.parse(now.until!)).toBeGreaterThan(instant);
          expect(next.from).toBe(now.until);
          expect(next.person.ref).not.toBe(now.person.ref);
          const handoff = wallTime.format(new Date(now.until!));
          if (level.name === 'weekly') expect(handoff).toBe('09:00');
          if (level.name === 'half-day') expect(['06:00', '18:00']).toContain(handoff);
          // 02:30 may not exist on the spring-forward day: then 03:30 on the new clock.
          if (level.name === 'daily-at-02-30') expect(['02:30', '03:30']).toContain(handoff);
        }
      }
    },
  );
});

describe('parseRotation', () => {
  it('reads refs with default kind User in the rotation namespace, and keeps the written name for display', () => {
    const rotation = parseRotation(
      rotationEntity('UTC', [{ members: ['Alice', 'user:ops/bob', 'User:default/Carol'], start: '2026-01-05T09:00', length: '1w' }], [], {
        namespace: 'payments',
      }),
    );
    expect(rotation.ref).toBe('rotation:payments/payments-primary');
    expect(rotation.layers[0]!.members).toEqual([
      { ref: 'user:payments/alice', name: 'Alice' },
      { ref: 'user:ops/bob', name: 'bob' },
      { ref: 'user:default/carol', name: 'Carol' },
    ]);
  });

  it('refuses an entity that is not a valid Rotation, naming the problem', () => {
    const invalid = rotationEntity('Mars/Olympus', [{ members: ['alice'], start: '2026-01-05T09:00', length: '1w' }]);
    expect(() => parseRotation(invalid)).toThrow(InvalidInputError);
    expect(() => parseRotation(invalid)).toThrow('rotation:default/payments-primary is not a valid Rotation: spec.timezone "Mars/Olympus" is not valid');
    expect(() => parseRotation({ ...invalid, kind: 'Group' })).toThrow('kind is Group, not Rotation');
  });
});
