import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../../src/core/catalog/entity.ts';
import type { IncidentContext } from '../../../../src/usecases/incidents/find-incident-context.ts';
import { incidentCardView } from '../../../../src/slack/views/incidents/incident-card-view.ts';
import { alreadyPostedView, nothingFoundView } from '../../../../src/slack/views/incidents/incident-notice-view.ts';
import { checkMessageLimits } from '../../../helpers/block-kit/check-block-kit-limits.ts';

const entity = (kind: string, name: string, metadata: Partial<Entity['metadata']> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...metadata },
});

const team = entity('Group', 'checkout-team', { title: 'Checkout <crew> & co', annotations: { 'slack.com/channel-name': 'team-checkout' } });

const context = (overrides: Partial<IncidentContext> = {}): IncidentContext => ({
  entity: entity('Component', 'checkout-service', { title: 'Checkout Service', description: 'Takes the money.' }),
  ref: 'component:default/checkout-service',
  ownerRef: 'group:default/checkout-team',
  owner: team,
  runbook: { url: 'https://wiki.acme.example/runbooks/checkout', title: 'Runbook', from: 'link' },
  docsUrl: 'https://callboard.acme.example/docs/default/component/checkout-service/',
  dependencies: {
    entries: [
      { ref: 'component:default/cart-service', title: 'Cart Service', depth: 1, ownerRef: 'group:default/checkout-team', ownerName: 'Checkout', exists: true },
      {
        ref: 'api:default/payments-api',
        title: 'Payments API',
        depth: 2,
        ownerRef: 'group:default/payments-team',
        exists: true,
        changedRecentlyAt: '2026-12-05T10:00:00.000Z',
      },
      { ref: 'component:default/ghost', depth: 1, exists: false },
    ],
    beyondDepth: 4,
  },
  dependents: { entries: [], beyondDepth: 0 },
  change: { changedAt: '2026-11-01T09:00:00.000Z', recent: false, sourceId: 'git:catalog', path: 'checkout/catalog-info.yaml', version: '0123456789abcdef' },
  ...overrides,
});

const textOf = (message: { blocks: unknown[] }) => JSON.stringify(message.blocks);

describe('incidentCardView', () => {
  it('shows owner and channel, on-call, runbook, docs, both sides of the blast radius with owners, and the last change, escaped', () => {
    const unavailable = { answer: { entityRef: 'component:default/checkout-service', unavailable: 'PagerDuty failed (HTTP 503)' } };
    const card = incidentCardView({ context: context(), onCall: unavailable, channelIds: new Map([['team-checkout', 'C0TEAM']]), depth: 2 });
    const text = textOf(card);
    expect(text).toContain('Checkout Service (Component)');
    expect(text).toContain('Checkout &lt;crew&gt; &amp; co  ·  <#C0TEAM>');
    expect(text).toContain('on-call unavailable: PagerDuty failed (HTTP 503)');
    expect(text).toContain('<https://wiki.acme.example/runbooks/checkout|Runbook>');
    expect(text).toContain('<https://callboard.acme.example/docs/default/component/checkout-service/|Docs home>');
    expect(text).toContain('• Cart Service — Checkout');
    expect(text).toContain('• Payments API (api) — payments-team _(2 hops)_  :pencil2: catalog entry written');
    expect(text).toContain('• ghost (not in the catalog) — no owner');
    expect(text).toContain('…and 4 more');
    expect(text).toContain('Depended on by, within 2 hops*  none in the catalog');
    expect(text).toContain('No catalog change in the last 7 days');
    expect(checkMessageLimits(card)).toEqual([]);
  });

  it('says when no on-call lookup is configured, and when no runbook or docs exist', () => {
    const card = incidentCardView({ context: context({ runbook: undefined, docsUrl: undefined }), onCall: { notConfigured: true }, depth: 1 } as never);
    const text = textOf(card);
    expect(text).toContain('no on-call lookup is configured');
    expect(text).toContain('none: add a link titled Runbook');
    expect(text).toContain('no built docs');
    expect(text).toContain('Depends on, direct');
  });

  it('stays within Block Kit limits with a huge blast radius and many other entities, naming the rest', () => {
    const entries = Array.from({ length: 300 }, (_, index) => ({
      ref: `component:default/service-${index}`,
      title: `Service ${'x'.repeat(200)} ${index}`,
      depth: 1 + (index % 2),
      ownerRef: 'group:default/some-team',
      ownerName: 'y'.repeat(200),
      exists: true,
      changedRecentlyAt: '2026-12-05T10:00:00.000Z',
    }));
    const others = Array.from({ length: 30 }, (_, index) => `component:default/other-${index}`);
    const card = incidentCardView({
      context: context({ dependencies: { entries, beyondDepth: 900 }, dependents: { entries, beyondDepth: 0 } }),
      onCall: { notConfigured: true },
      depth: 2,
      others,
    });
    expect(checkMessageLimits(card)).toEqual([]);
    expect(textOf(card)).toContain('This channel also names `other-0`');
    expect(textOf(card)).toContain('and 10 more: ask `@Callboard context &lt;name&gt;` for a card.');
  });
});

describe('incidentCardView: a blast radius cut at the read budget', () => {
  it('counts the entities read as a floor, not as the total', () => {
    const entries = Array.from({ length: 200 }, (_, index) => ({ ref: `component:default/s-${index}`, depth: 1, exists: true }));
    const card = incidentCardView({
      context: context({ dependents: { entries, beyondDepth: 0, budgetReached: true } }),
      onCall: { notConfigured: true },
      depth: 2,
    });
    expect(textOf(card)).toContain('Depended on by, within 2 hops* (200+)');
    expect(textOf(card)).toContain('…and at least 192 more');
    expect(textOf(card)).toContain('Depends on, within 2 hops* (3, 4 further out)');
  });
});

describe('incident notices', () => {
  it('nothing found says how to ask, with what was asked escaped', () => {
    expect(nothingFoundView().text).toContain('try `@Callboard context &lt;name&gt;`');
    expect(nothingFoundView('<b>flux</b>').text).toContain('"&lt;b&gt;flux&lt;/b&gt;"');
    // The hint after what was asked is mrkdwn too: a raw `<name>` is read as a link, not shown.
    expect(nothingFoundView('flux').text).toContain('try `@Callboard context &lt;name&gt;`');
    expect(nothingFoundView('flux').text).not.toMatch(/<(?!!date)/);
    expect(alreadyPostedView(['component:default/checkout-service']).text).toContain('`checkout-service` is already in this channel');
  });
});
