import { describe, expect, it } from 'vitest';
import type { EntityWithRelations } from '../../src/core/catalog/entity.ts';
import type { OnCallProvider } from '../../src/core/oncall/on-call.ts';
import { hasOnCallNowFrom } from '../../src/scorecards/scorecard-runtime.ts';

const group = (name: string, annotations: Record<string, string> = {}): EntityWithRelations => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
  relations: [],
});
const component = (name: string, owner: string): EntityWithRelations => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

const entities = new Map<string, EntityWithRelations>([
  ['group:default/paged', group('paged', { 'pagerduty.com/service-id': 'PPAGED1' })],
  ['group:default/quiet', group('quiet')],
  ['component:default/paged-api', component('paged-api', 'group:default/paged')],
  ['component:default/quiet-api', component('quiet-api', 'group:default/quiet')],
]);
const catalog = {
  entity: (ref: string) => entities.get(ref),
  entityEnvelope: (ref: string) => entities.get(ref),
  ownedBy: () => [],
  usersWithEmail: () => [],
};
const clock = { now: () => new Date('2026-12-06T10:00:00Z') };
/** Built-in rotations only, as npm start runs without PAGERDUTY_TOKEN. */
const rotationsOnly: OnCallProvider[] = [
  {
    id: 'rotation',
    sourceFromAnnotations: () => undefined,
    lookup: () => Promise.reject(new Error('not called')),
  },
];

describe('hasOnCallNowFrom (the scorecards’ oncall fact)', () => {
  const hasOnCallNow = hasOnCallNowFrom({ catalog, providers: rotationsOnly, timeoutMs: 100 }, clock);

  it('is unknown, not false, for an entity whose team names a PagerDuty service while PAGERDUTY_TOKEN is not set', async () => {
    expect(await hasOnCallNow('component:default/paged-api')).toEqual({
      kind: 'unknown',
      reason: 'group:default/paged names a PagerDuty service, but PAGERDUTY_TOKEN is not set',
    });
  });

  it('is false when neither the entity nor its team names any on-call', async () => {
    expect(await hasOnCallNow('component:default/quiet-api')).toBe(false);
  });
});
