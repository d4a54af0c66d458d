import { describe, expect, it } from 'vitest';
import type { EntityWithRelations } from '../../../src/core/catalog/entity.ts';
import { OnCallUnavailableError, type OnCallProvider, type OnCallSchedule, type OnCallSource } from '../../../src/core/oncall/on-call.ts';
import type { FindOnCallDeps } from '../../../src/usecases/oncall/find-oncall.ts';
import { findOnCall } from '../../../src/usecases/oncall/find-oncall.ts';
import { chooseOnCallSource } from '../../../src/usecases/oncall/choose-oncall-source.ts';

const entity = (ref: string, extra: { annotations?: Record<string, string>; ownedBy?: string; spec?: Record<string, unknown> } = {}): EntityWithRelations => {
  const [kind, rest] = ref.split(':') as [string, string];
  const [namespace, name] = rest.split('/') as [string, string];
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: kind[0]!.toUpperCase() + kind.slice(1),
    metadata: { name, namespace, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: extra.spec ?? {},
    relations: extra.ownedBy ? [{ type: 'ownedBy', targetRef: extra.ownedBy }] : [],
  };
};

/** An in-memory catalog with just what the use case reads. */
const catalogOf = (entities: EntityWithRelations[]): FindOnCallDeps['catalog'] => {
  const byRef = new Map(entities.map((e) => [`${e.kind.toLowerCase()}:${e.metadata.namespace}/${e.metadata.name}`, e]));
  return {
    entity: (ref) => byRef.get(ref.toLowerCase()),
    entityEnvelope: (ref) => byRef.get(ref.toLowerCase()),
    ownedBy: (ownerRef) =>
      [...byRef.entries()]
        .filter(([, e]) => e.relations.some((r) => r.type === 'ownedBy' && r.targetRef === ownerRef))
        .map(([ref, e]) => ({ ref, kind: e.kind, name: e.metadata.name, ownerRef })),
    usersWithEmail: (email) =>
      [...byRef.entries()]
        .filter(([, e]) => e.kind === 'User' && (e.spec?.profile as { email?: string } | undefined)?.email?.toLowerCase() === email.toLowerCase())
        .map(([ref]) => ref),
  };
};

const schedule = (name: string, email: string): OnCallSchedule => ({
  provider: 'fake',
  name,
  levels: [{ level: 1, name: 'primary', now: [{ person: { name: 'Ann', email }, until: '2026-12-07T09:00:00.000Z' }], next: [] }],
});

/** A provider reading one annotation key, answering from a table or with a scripted failure. */
const provider = (id: string, key: string, answer: (source: OnCallSource, signal?: AbortSignal) => Promise<OnCallSchedule>): OnCallProvider => ({
  id,
  sourceFromAnnotations: (annotations) => (annotations[key] ? { provider: id, id: annotations[key]!, annotation: key } : undefined),
  lookup: (source, _at, signal) => answer(source, signal),
});

const paging = provider('pagerduty', 'pagerduty.com/service-id', async (source) => schedule(`policy of ${source.id}`, 'ann@example.com'));
const rotations = provider('rotation', 'callboard.dev/rotation', async (source) => schedule(`rotation ${source.id}`, 'ann@example.com'));
const at = new Date('2026-12-06T10:00:00Z');

const org = [
  entity('group:default/payments', { annotations: { 'pagerduty.com/service-id': 'PTEAM' } }),
  entity('component:default/own-pd', { ownedBy: 'group:default/payments', annotations: { 'pagerduty.com/service-id': 'POWN' } }),
  entity('component:default/inherits', { ownedBy: 'group:default/payments' }),
  entity('group:default/platform'),
  entity('rotation:default/zeta', { ownedBy: 'group:default/platform' }),
  entity('rotation:default/alpha', { ownedBy: 'group:default/platform' }),
  entity('component:default/platform-api', { ownedBy: 'group:default/platform' }),
  entity('component:default/picks-rotation', { ownedBy: 'group:default/platform', annotations: { 'callboard.dev/rotation': 'zeta' } }),
  entity('group:default/nobody'),
  entity('component:default/orphan', { ownedBy: 'group:default/nobody' }),
  entity('user:default/ann', { spec: { profile: { email: 'Ann@Example.com', displayName: 'Ann Smith' } } }),
];

describe('chooseOnCallSource', () => {
  const catalog = catalogOf(org);
  const providers = [paging, rotations];

  it('tells the provider which namespace the annotation was written in (relative refs)', () => {
    const seen: (string | undefined)[] = [];
    const reader: OnCallProvider = {
      id: 'rotation',
      sourceFromAnnotations: (annotations, where) => {
        seen.push(where?.namespace);
        return annotations['callboard.dev/rotation'] ? { provider: 'rotation', id: annotations['callboard.dev/rotation'], annotation: 'x' } : undefined;
      },
      lookup: async () => schedule('r', 'ann@example.com'),
    };
    const ops = catalogOf([entity('component:ops/billing', { annotations: { 'callboard.dev/rotation': 'billing-primary' } })]);
    expect(chooseOnCallSource(ops, [reader], 'component:ops/billing')?.source.id).toBe('billing-primary');
    expect(seen).toEqual(['ops']);
  });

  it('uses the entity’s own annotation first, then its team’s, then the rotation its team owns', () => {
    expect(chooseOnCallSource(catalog, providers, 'component:default/own-pd')).toMatchObject({
      origin: 'entity',
      source: { provider: 'pagerduty', id: 'POWN' },
    });
    expect(chooseOnCallSource(catalog, providers, 'component:default/inherits')).toMatchObject({
      origin: 'owner',
      fromRef: 'group:default/payments',
      source: { id: 'PTEAM' },
    });
    expect(chooseOnCallSource(catalog, providers, 'component:default/picks-rotation')).toMatchObject({
      origin: 'entity',
      source: { provider: 'rotation', id: 'zeta' },
    });
  });

  it('takes the first rotation by name when a team owns several, and says how to choose', () => {
    const chosen = chooseOnCallSource(catalog, providers, 'component:default/platform-api');
    expect(chosen).toMatchObject({ origin: 'owner-rotation', source: { provider: 'rotation', id: 'rotation:default/alpha' } });
    expect(chosen?.warning).toMatch(/owns 2 rotations \(alpha, zeta\).*callboard\.dev\/rotation on platform/);
  });

  it('answers for a team with its own on-call, and nothing when nobody names one', () => {
    expect(chooseOnCallSource(catalog, providers, 'group:default/platform')).toMatchObject({ origin: 'owner-rotation', fromRef: 'group:default/platform' });
    expect(chooseOnCallSource(catalog, providers, 'group:default/payments')).toMatchObject({ origin: 'entity', source: { id: 'PTEAM' } });
    expect(chooseOnCallSource(catalog, providers, 'component:default/orphan')).toBeUndefined();
    expect(chooseOnCallSource(catalog, providers, 'component:default/missing')).toBeUndefined();
  });
});

describe('findOnCall', () => {
  const deps = (overrides: Partial<FindOnCallDeps> = {}): FindOnCallDeps => ({
    catalog: catalogOf(org),
    providers: [paging, rotations],
    timeoutMs: 1000,
    ...overrides,
  });

  it('matches people to catalog Users by email and to Slack users', async () => {
    const answer = await findOnCall(
      deps({ slackIdsByEmail: async (emails) => new Map(emails.map((email) => [email, 'U0ANN'])) }),
      'component:default/inherits',
      at,
    );
    expect(answer.schedule?.levels[0]?.now[0]?.person).toEqual({ name: 'Ann', email: 'ann@example.com', ref: 'user:default/ann', slackUserId: 'U0ANN' });
    expect(answer.unavailable).toBeUndefined();
  });

  it('gives a rotation member (named by ref) the catalog User’s display name and email', async () => {
    const byRef = provider('rotation', 'callboard.dev/rotation', async () => ({
      provider: 'rotation',
      name: 'zeta',
      levels: [{ level: 1, name: 'primary', now: [{ person: { name: 'ann', ref: 'user:default/ann' } }], next: [] }],
    }));
    const answer = await findOnCall(
      deps({ providers: [byRef], slackIdsByEmail: async (emails) => new Map(emails.map((email) => [email, 'U0ANN'])) }),
      'component:default/picks-rotation',
      at,
    );
    expect(answer.schedule?.levels[0]?.now[0]?.person).toEqual({ name: 'Ann Smith', email: 'Ann@Example.com', ref: 'user:default/ann', slackUserId: 'U0ANN' });
  });

  it('keeps a person without a Slack account as a name, never an error', async () => {
    const answer = await findOnCall(deps({ slackIdsByEmail: async () => new Map() }), 'component:default/inherits', at);
    expect(answer.schedule?.levels[0]?.now[0]?.person.slackUserId).toBeUndefined();
    expect(answer.schedule?.levels[0]?.now[0]?.person.name).toBe('Ann');
  });

  it('says why when the provider fails, and gives up at the deadline instead of hanging', async () => {
    const down = provider('pagerduty', 'pagerduty.com/service-id', async () => {
      throw new OnCallUnavailableError('PagerDuty refused the token (401): check PAGERDUTY_TOKEN');
    });
    expect(await findOnCall(deps({ providers: [down] }), 'component:default/own-pd', at)).toMatchObject({
      unavailable: 'PagerDuty refused the token (401): check PAGERDUTY_TOKEN',
    });

    let aborted = false;
    const hangs = provider('pagerduty', 'pagerduty.com/service-id', (_source, signal) => {
      signal?.addEventListener('abort', () => (aborted = true));
      return new Promise<never>(() => {});
    });
    const answer = await findOnCall(deps({ providers: [hangs], timeoutMs: 50 }), 'component:default/own-pd', at);
    expect(answer.unavailable).toBe('no answer within 0.1 s');
    expect(aborted).toBe(true);
  });

  it('logs an unexpected failure and still answers with unavailable', async () => {
    const logged: unknown[] = [];
    const buggy = provider('pagerduty', 'pagerduty.com/service-id', async () => {
      throw new TypeError('cannot read properties of undefined');
    });
    const answer = await findOnCall(deps({ providers: [buggy], logError: (error) => logged.push(error) }), 'component:default/own-pd', at);
    expect(answer.unavailable).toBe('pagerduty lookup failed unexpectedly (see the log)');
    expect(logged).toHaveLength(1);
  });

  it('answers without a schedule when nothing names an on-call', async () => {
    expect(await findOnCall(deps(), 'component:default/orphan', at)).toEqual({ entityRef: 'component:default/orphan' });
  });
});
