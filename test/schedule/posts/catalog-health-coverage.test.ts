import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocsSiteSummary } from '../../../src/core/docs/docs-library.ts';
import type { CatalogReader } from '../../../src/core/ports.ts';
import { loadMessageTemplates } from '../../../src/messages/message-templates.ts';
import { RotationProvider } from '../../../src/oncall/rotation-provider.ts';
import { catalogHealthData, catalogHealthPost } from '../../../src/schedule/posts/catalog-health.ts';
import { LISTED_COVERAGE } from '../../../src/schedule/posts/catalog-health-coverage.ts';
import type { PostContext } from '../../../src/schedule/posts/post-type.ts';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';
import { SyncHarness, component, group } from '../../helpers/sync-harness.ts';
import { testSchedule } from '../helpers/post-harness.ts';
import { rotation } from '../helpers/handoff-world.ts';

const messages = loadMessageTemplates({ names: ['catalog-health'], overrides: {}, configKey: 'postMessages' });
const docsRef = { 'backstage.io/techdocs-ref': 'dir:.' };

const site = (entityRef: string, lastError?: string): DocsSiteSummary => ({
  entityRef,
  siteName: entityRef,
  nav: [],
  pageCount: 1,
  builtAt: '2026-12-01T00:00:00Z',
  changedAt: '2026-12-01T00:00:00Z',
  warnings: [],
  ...(lastError ? { lastError } : {}),
});

describe('catalog health: entities with no docs and no on-call', () => {
  const catalog = new SyncHarness();
  beforeAll(async () => {
    catalog.write('teams.yaml', group('payments-team'));
    catalog.write('platform.yaml', group('platform-team'));
    catalog.write(
      'rotation.yaml',
      rotation('platform-primary', {
        owner: 'group:platform-team',
        timezone: 'Europe/Berlin',
        layers: [{ name: 'primary', members: ['user:alice'], start: '2026-01-05T09:00', length: '1w' }],
      }),
    );
    catalog.write('checkout.yaml', component('checkout', { owner: 'payments-team' }, { annotations: docsRef }));
    catalog.write(
      'ledger.yaml',
      component('ledger', { owner: 'payments-team' }, { annotations: { ...docsRef, 'callboard.dev/rotation': 'platform-primary' } }),
    );
    catalog.write('refunds.yaml', component('refunds', { owner: 'payments-team' }));
    catalog.write('billing.yaml', component('billing', { owner: 'payments-team' }, { annotations: { 'pagerduty.com/service-id': 'PSVC' } }));
    catalog.write('gateway.yaml', component('gateway', { owner: 'platform-team' }, { annotations: docsRef }));
    await catalog.sync();
  });
  afterAll(() => catalog.close());

  const context = (overrides: Partial<PostContext> = {}): PostContext => ({
    schedule: testSchedule({ team: 'payments-team' }),
    slot: new Date('2026-12-07T08:00:00Z'),
    manual: false,
    store: catalog.store,
    messages,
    oncall: { providers: [new RotationProvider({ findEntity: (ref) => catalog.store.entityEnvelope(ref) })], timeoutMs: 1000 },
    ...overrides,
  });

  it('lists entities without a techdocs-ref, and those whose docs failed to build once a docs library is given', async () => {
    const docs = { site: (ref: string) => (ref === 'component:default/checkout' ? site(ref, 'mkdocs.yml: nav names missing.md') : undefined) };
    const data = catalogHealthData(context({ docs }));
    expect(data.noDocs.listed).toEqual([
      { ref: 'component:default/billing', name: 'billing', reason: 'no backstage.io/techdocs-ref annotation' },
      { ref: 'component:default/checkout', name: 'checkout', reason: 'docs failed to build: mkdocs.yml: nav names missing.md' },
      { ref: 'component:default/refunds', name: 'refunds', reason: 'no backstage.io/techdocs-ref annotation' },
    ]);
    // Without the docs library (before the docs builder is wired), only the annotation counts.
    expect(catalogHealthData(context()).noDocs.total).toBe(2);
  });

  it("lists entities no on-call covers, leaving out PagerDuty services whose token is not set and other teams' entities", async () => {
    const message = await catalogHealthPost.build(context());
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*Entities without on-call* (2)');
    expect(text).toContain('`component:default/checkout`');
    expect(text).toContain('`component:default/refunds`');
    expect(text).not.toContain('ledger');
    expect(text).not.toMatch(/Entities without on-call[^*]*billing/);
    expect(text).not.toContain('gateway');
    expect(checkMessageLimits(message)).toEqual([]);
    // No providers built here: no on-call list rather than a wrong one.
    expect(catalogHealthData(context({ oncall: undefined })).noOnCall).toBeUndefined();
  });

  it('names the first ten and counts the rest, within Slack limits', async () => {
    const many = new SyncHarness();
    many.write('team.yaml', group('big-team'));
    for (let i = 0; i < 40; i++) many.write(`svc-${i}.yaml`, component(`svc-${String(i).padStart(2, '0')}`, { owner: 'big-team' }));
    await many.sync();
    const store: CatalogReader = many.store;
    const message = await catalogHealthPost.build(context({ store, schedule: testSchedule({ team: 'big-team' }), oncall: { providers: [], timeoutMs: 1000 } }));
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('*Entities without docs* (40)');
    expect(text).toContain(`…and ${40 - LISTED_COVERAGE} more.`);
    expect(checkMessageLimits(message)).toEqual([]);
    many.close();
  });
});
