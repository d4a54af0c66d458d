import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/catalog/entity.ts';
import { entityRefOf } from '../../src/core/catalog/refs.ts';
import { OnCallUnavailableError } from '../../src/core/oncall/on-call.ts';
import { RotationProvider } from '../../src/oncall/rotation-provider.ts';

const rotation = (name: string, namespace = 'default', timezone = 'Europe/Berlin'): Entity => ({
  apiVersion: 'callboard.dev/v1alpha1',
  kind: 'Rotation',
  metadata: { name, namespace },
  spec: {
    owner: 'group:payments-team',
    timezone,
    layers: [
      { name: 'primary', members: ['user:alice', 'user:bob'], start: '2026-01-05T09:00', length: '1w' },
      { name: 'secondary', members: ['user:dave'], start: '2026-01-05T09:00', length: '1w' },
    ],
  },
});

/** A catalog of the given entities, keyed by canonical ref, that remembers what it was asked. */
const catalogOf = (...entities: Entity[]) => {
  const byRef = new Map(entities.map((entity) => [entityRefOf(entity), entity]));
  const asked: string[] = [];
  return {
    asked,
    findEntity: (ref: string) => {
      asked.push(ref);
      return byRef.get(ref.toLowerCase());
    },
  };
};

const AT = new Date('2026-01-06T12:00:00Z');

describe('RotationProvider.sourceFromAnnotations', () => {
  const provider = new RotationProvider({ findEntity: () => undefined });

  it.each([
    ['payments-primary', 'rotation:default/payments-primary'],
    ['  Payments-Primary ', 'rotation:default/payments-primary'],
    ['ops/payments-primary', 'rotation:ops/payments-primary'],
    ['rotation:ops/payments-primary', 'rotation:ops/payments-primary'],
    ['Rotation:payments-primary', 'rotation:default/payments-primary'],
    // Not rotations: kept as written, for the lookup to explain.
    ['group:payments-team', 'group:payments-team'],
    ['a:b:c', 'a:b:c'],
  ])('reads callboard.dev/rotation %j as %s', (value, id) => {
    expect(provider.sourceFromAnnotations({ 'callboard.dev/rotation': value })).toEqual({ provider: 'rotation', id, annotation: 'callboard.dev/rotation' });
  });

  it('reads a bare name in the namespace of the entity that wrote it, as a relative ref', () => {
    const source = provider.sourceFromAnnotations({ 'callboard.dev/rotation': 'payments-primary' }, { namespace: 'ops' });
    expect(source?.id).toBe('rotation:ops/payments-primary');
    expect(provider.sourceFromAnnotations({ 'callboard.dev/rotation': 'default/payments-primary' }, { namespace: 'ops' })?.id).toBe(
      'rotation:default/payments-primary',
    );
  });

  it('names nothing without the annotation, or with a blank one', () => {
    expect(provider.sourceFromAnnotations({})).toBeUndefined();
    expect(provider.sourceFromAnnotations({ 'callboard.dev/rotation': '  ' })).toBeUndefined();
    expect(provider.sourceFromAnnotations({ 'pagerduty.com/service-id': 'P123' })).toBeUndefined();
  });
});

describe('RotationProvider.lookup', () => {
  it('loads the rotation from the catalog and answers its schedule at the instant asked', async () => {
    const catalog = catalogOf(rotation('payments-primary'));
    const provider = new RotationProvider(catalog);
    const source = provider.sourceFromAnnotations({ 'callboard.dev/rotation': 'payments-primary' })!;
    const schedule = await provider.lookup(source, AT);
    expect(catalog.asked).toEqual(['rotation:default/payments-primary']);
    expect(schedule.provider).toBe('rotation');
    expect(schedule.name).toBe('payments-primary');
    expect(schedule.levels.map((level) => [level.level, level.name, level.now[0]?.person.ref, level.next[0]?.person.ref])).toEqual([
      [1, 'primary', 'user:default/alice', 'user:default/bob'],
      [2, 'secondary', 'user:default/dave', undefined],
    ]);
    const later = await provider.lookup(source, new Date('2026-01-13T12:00:00Z'));
    expect(later.levels[0]!.now[0]!.person.ref).toBe('user:default/bob');
  });

  it('accepts the source the owner-rotation rule builds (a canonical ref)', async () => {
    const provider = new RotationProvider(catalogOf(rotation('night', 'ops')));
    const schedule = await provider.lookup({ provider: 'rotation', id: 'rotation:ops/night', annotation: 'the rotation group:default/ops owns' }, AT);
    expect(schedule.levels).toHaveLength(2);
  });

  it('says a rotation that is not in the catalog is unavailable, naming it', async () => {
    const provider = new RotationProvider(catalogOf(rotation('payments-primary')));
    const source = provider.sourceFromAnnotations({ 'callboard.dev/rotation': 'payments-secondary' })!;
    const failure = provider.lookup(source, AT);
    await expect(failure).rejects.toThrow(OnCallUnavailableError);
    await expect(failure).rejects.toThrow('rotation:default/payments-secondary is not in the catalog (named by callboard.dev/rotation)');
  });

  it('says an annotation that names no rotation is unavailable, with what to write', async () => {
    const catalog = catalogOf(rotation('payments-primary'));
    const provider = new RotationProvider(catalog);
    for (const value of ['group:payments-team', 'a:b:c']) {
      const source = provider.sourceFromAnnotations({ 'callboard.dev/rotation': value })!;
      await expect(provider.lookup(source, AT)).rejects.toThrow(
        `callboard.dev/rotation "${value}" is not a rotation; write a Rotation's name such as "payments-primary"`,
      );
    }
    expect(catalog.asked).toEqual([]);
  });

  it('turns a stored rotation that is no longer valid into unavailable, with the problem', async () => {
    const provider = new RotationProvider(catalogOf(rotation('payments-primary', 'default', 'Mars/Olympus')));
    await expect(provider.lookup({ provider: 'rotation', id: 'payments-primary', annotation: 'callboard.dev/rotation' }, AT)).rejects.toThrow(
      new OnCallUnavailableError(
        'rotation:default/payments-primary is not a valid Rotation: spec.timezone "Mars/Olympus" is not valid; expected an IANA time zone name such as "Europe/Berlin", "America/New_York" or "UTC"',
      ),
    );
  });

  it('refuses another provider’s source and an aborted lookup', async () => {
    const provider = new RotationProvider(catalogOf(rotation('payments-primary')));
    await expect(provider.lookup({ provider: 'pagerduty', id: 'P123', annotation: 'pagerduty.com/service-id' }, AT)).rejects.toThrow(OnCallUnavailableError);
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    await expect(
      provider.lookup({ provider: 'rotation', id: 'payments-primary', annotation: 'callboard.dev/rotation' }, AT, controller.signal),
    ).rejects.toThrow('caller gave up');
  });
});
