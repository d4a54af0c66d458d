import { afterEach, describe, expect, it } from 'vitest';
import { handoffSchedule, openHandoffWorld, rotation, weeklyBerlin } from './helpers/handoff-world.ts';

const opened: { close(): void }[] = [];
const world = async (files: Record<string, string>) => {
  const opened1 = await openHandoffWorld(files);
  opened.push(opened1);
  return opened1;
};
afterEach(() => {
  for (const one of opened.splice(0)) one.close();
});

/** When the next `count` handoffs are posted from `from` on. */
const nextPostTimes = async (slots: Awaited<ReturnType<typeof world>>['slots'], from: string, count: number, spec = handoffSchedule()) => {
  const found: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < count; i++) {
    const next = await slots.nextSlot(spec, at);
    if (!next) break;
    found.push(next.postAt.toISOString());
    at = next.postAt;
  }
  return found;
};

describe('handoff slots: shift changes, posted the lead before', () => {
  it('a weekly Berlin handoff at 09:00 is posted at 08:00 local on both sides of the autumn DST change', async () => {
    const { slots } = await world({ 'rotation.yaml': weeklyBerlin() });
    // 09:00 CEST is 07:00Z; 09:00 CET is 08:00Z: an hour before each.
    expect(await nextPostTimes(slots, '2026-10-13T00:00:00Z', 3)).toEqual(['2026-10-19T06:00:00.000Z', '2026-10-26T07:00:00.000Z', '2026-11-02T07:00:00.000Z']);
  });

  it('and on both sides of the spring DST change', async () => {
    const { slots } = await world({ 'rotation.yaml': weeklyBerlin() });
    expect(await nextPostTimes(slots, '2027-03-16T00:00:00Z', 2)).toEqual(['2027-03-22T07:00:00.000Z', '2027-03-29T06:00:00.000Z']);
  });

  it('a 12h rotation hands over at 06:00 and 18:00 local', async () => {
    const twelveHours = rotation('payments-primary', {
      owner: 'group:payments-team',
      timezone: 'Europe/Berlin',
      layers: [{ name: 'primary', members: ['user:alice', 'user:bob'], start: '2026-01-05T06:00', length: '12h' }],
    });
    const { slots } = await world({ 'rotation.yaml': twelveHours });
    expect(await nextPostTimes(slots, '2026-12-07T12:00:00Z', 3)).toEqual(['2026-12-07T16:00:00.000Z', '2026-12-08T04:00:00.000Z', '2026-12-08T16:00:00.000Z']);
  });

  it('an override adds its start and end as shift changes', async () => {
    const withOverride = weeklyBerlin({ overrides: [{ layer: 'primary', user: 'user:frank', from: '2026-12-24T00:00', until: '2026-12-27T00:00' }] });
    const { slots } = await world({ 'rotation.yaml': withOverride });
    // Carol's week (from Monday 21st) is cut by Frank from 24 to 27 December; Alice takes over on Monday 28th at 09:00.
    expect(await nextPostTimes(slots, '2026-12-22T00:00:00Z', 3)).toEqual(['2026-12-23T22:00:00.000Z', '2026-12-26T22:00:00.000Z', '2026-12-28T07:00:00.000Z']);
  });

  it('the slot is the shift change itself; handoffLead moves only when it is posted', async () => {
    const { slots } = await world({ 'rotation.yaml': weeklyBerlin() });
    const spec = handoffSchedule({ handoffLead: 30 });
    expect(await slots.nextSlot(spec, new Date('2026-12-01T00:00:00Z'))).toEqual({
      slot: new Date('2026-12-07T08:00:00Z'),
      postAt: new Date('2026-12-07T07:30:00Z'),
    });
    expect(await slots.nextSlot(handoffSchedule(), new Date('2026-12-01T00:00:00Z'))).toEqual({
      slot: new Date('2026-12-07T08:00:00Z'),
      postAt: new Date('2026-12-07T07:00:00Z'),
    });
    // Due from its post time on, and only after the floor (the last change handled).
    expect((await slots.dueSlot(spec, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-07T07:30:01Z')))?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(await slots.dueSlot(spec, new Date('2026-12-07T08:00:00Z'), new Date('2026-12-07T09:00:00Z'))).toBeUndefined();
    expect(await slots.dueSlot(spec, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-07T07:29:59Z'))).toBeUndefined();
  });

  it('a team without on-call, or not in the catalog, cannot be timed and says why', async () => {
    const { slots } = await world({});
    await expect(slots.nextSlot(handoffSchedule(), new Date('2026-12-01T00:00:00Z'))).rejects.toThrow(
      'group:default/payments-team has no on-call: give it a Rotation',
    );
    await expect(slots.nextSlot(handoffSchedule({ team: 'ghosts' }), new Date('2026-12-01T00:00:00Z'))).rejects.toThrow(
      "team ghosts is not a Group in the catalog; fix the schedule's team",
    );
  });
});
