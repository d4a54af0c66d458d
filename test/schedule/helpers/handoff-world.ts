import { OnCallUnavailableError, type OnCallProvider } from '../../../src/core/oncall/on-call.ts';
import { RotationProvider } from '../../../src/oncall/rotation-provider.ts';
import { PostSlots } from '../../../src/schedule/post-slots.ts';
import type { PostOnCall } from '../../../src/schedule/posts/post-type.ts';
import { handoffShiftsOf } from '../../../src/schedule/scheduled-posts-runtime.ts';
import type { ScheduleSpec } from '../../../src/schedule/schedule-spec.ts';
import { SyncHarness, group } from '../../helpers/sync-harness.ts';

/** A Rotation entity as JSON (valid YAML) for the sync harness. */
export const rotation = (name: string, spec: Record<string, unknown>): string =>
  JSON.stringify({ apiVersion: 'callboard.dev/v1alpha1', kind: 'Rotation', metadata: { name }, spec });

export const user = (name: string, email: string, displayName: string): string =>
  JSON.stringify({ apiVersion: 'backstage.io/v1alpha1', kind: 'User', metadata: { name }, spec: { profile: { displayName, email }, memberOf: [] } });

/** A weekly Berlin rotation of alice, bob and carol from Monday 5 January 2026, 09:00, owned by payments-team. */
export const weeklyBerlin = (extra: Record<string, unknown> = {}) =>
  rotation('payments-primary', {
    owner: 'group:payments-team',
    timezone: 'Europe/Berlin',
    layers: [{ name: 'primary', members: ['user:alice', 'user:bob', 'user:carol'], start: '2026-01-05T09:00', length: '1w' }],
    ...extra,
  });

/** An oncall-handoff schedule for payments-team (no cron: its slots are the shift changes, posted the lead before). */
export const handoffSchedule = (overrides: Partial<ScheduleSpec> = {}): ScheduleSpec => ({
  id: 'payments-handoff',
  post: 'oncall-handoff',
  team: 'payments-team',
  channel: 'C0PAYMENTS',
  timezone: 'Europe/Berlin',
  missed: 'once',
  handoffLead: 60,
  origin: 'config',
  ...overrides,
});

/** A provider that answers as `inner` until `down` is set, then as a paging tool that cannot be reached. */
export const switchableProvider = (inner: OnCallProvider) => {
  const state = { down: false };
  const provider: OnCallProvider = {
    id: inner.id,
    sourceFromAnnotations: (annotations, entity) => inner.sourceFromAnnotations(annotations, entity),
    lookup: async (source, at, signal) => {
      if (state.down) throw new OnCallUnavailableError('the test provider is down (HTTP 503)');
      return inner.lookup(source, at, signal);
    },
  };
  return { provider, state };
};

/**
 * A catalog with payments-team, its people and the given rotation (or annotations), and the on-call deps and slots
 * a handoff schedule reads, as the scheduled-posts runtime builds them.
 */
export const openHandoffWorld = async (files: Record<string, string>, providers?: (catalog: SyncHarness) => OnCallProvider[]) => {
  const catalog = new SyncHarness();
  catalog.write('team.yaml', group('payments-team'));
  catalog.write('alice.yaml', user('alice', 'alice@example.com', 'Alice Adams'));
  catalog.write('bob.yaml', user('bob', 'bob@example.com', 'Bob Brown'));
  catalog.write('carol.yaml', user('carol', 'carol@example.com', 'Carol Chen'));
  catalog.write('frank.yaml', user('frank', 'frank@example.com', 'Frank Fox'));
  for (const [path, text] of Object.entries(files)) catalog.write(path, text);
  await catalog.sync();
  const rotations = new RotationProvider({ findEntity: (ref) => catalog.store.entityEnvelope(ref) });
  const oncall: PostOnCall = { providers: providers ? providers(catalog) : [rotations], timeoutMs: 5_000 };
  const handoffShifts = handoffShiftsOf(catalog.store, oncall);
  const slots = new PostSlots({ handoffShifts });
  return {
    catalog,
    oncall,
    handoffShifts,
    slots,
    close: () => {
      slots.close();
      catalog.close();
    },
  };
};
