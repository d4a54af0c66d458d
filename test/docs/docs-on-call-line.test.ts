import { describe, expect, it } from 'vitest';
import type { EntityWithRelations } from '../../src/core/catalog/entity.ts';
import { OnCallUnavailableError, type OnCallProvider, type OnCallSchedule } from '../../src/core/oncall/on-call.ts';
import { docsOnCallLine, type DocsOnCallDeps } from '../../src/docs/docs-on-call-line.ts';

const component = (name: string, annotations: Record<string, string> = {}): EntityWithRelations => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
  relations: [],
});

const catalog = (entities: EntityWithRelations[]): DocsOnCallDeps['catalog'] => {
  const byRef = new Map(entities.map((e) => [`component:default/${e.metadata.name}`, e]));
  return { entity: (ref) => byRef.get(ref), entityEnvelope: (ref) => byRef.get(ref), ownedBy: () => [], usersWithEmail: () => [] };
};

const rotation = (answer: () => Promise<OnCallSchedule>): OnCallProvider => ({
  id: 'rotation',
  sourceFromAnnotations: (annotations) =>
    annotations['callboard.dev/rotation']
      ? { provider: 'rotation', id: annotations['callboard.dev/rotation'], annotation: 'callboard.dev/rotation' }
      : undefined,
  lookup: () => answer(),
});

const lineFor = (entity: EntityWithRelations, provider: OnCallProvider) =>
  docsOnCallLine({ catalog: catalog([entity]), providers: [provider], timeoutMs: 1000, clock: { now: () => new Date('2026-12-06T10:00:00Z') } })(
    `component:default/${entity.metadata.name}`,
  );

const onCall = (now: OnCallSchedule['levels'][number]['now']): OnCallSchedule => ({
  provider: 'rotation',
  name: 'checkout-primary',
  levels: [{ level: 1, name: 'primary', now, next: [] }],
});

describe('the docs page header on-call line', () => {
  const checkout = component('checkout', { 'callboard.dev/rotation': 'checkout-primary' });

  it('names who is paged first and until when', async () => {
    const line = await lineFor(
      checkout,
      rotation(async () => onCall([{ person: { name: 'Ann Lee' }, until: '2026-12-07T08:00:00.000Z' }])),
    );
    expect(line).toBe('primary: Ann Lee until 2026-12-07 08:00 UTC');
  });

  it('says nobody is on when the first level is empty', async () => {
    expect(
      await lineFor(
        checkout,
        rotation(async () => onCall([])),
      ),
    ).toBe('primary: nobody on call now');
  });

  it('says why when the provider cannot answer', async () => {
    const down = rotation(async () => {
      throw new OnCallUnavailableError('PagerDuty answered 503');
    });
    expect(await lineFor(checkout, down)).toBe('on-call unavailable: PagerDuty answered 503');
  });

  it('shows nothing for an entity with no on-call at all', async () => {
    expect(
      await lineFor(
        component('no-oncall'),
        rotation(async () => onCall([])),
      ),
    ).toBeUndefined();
  });
});
