import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import type { DocsPage } from '../../../src/core/docs/docs-site.ts';
import { INCIDENT_ENTITY_KINDS } from '../../../src/core/incidents/incident-channel.ts';
import { findEntitiesInPhrases } from '../../../src/usecases/find-entities-in-text.ts';
import { findIncidentContext } from '../../../src/usecases/incidents/find-incident-context.ts';
import { memoryDocsLibrary } from '../../helpers/memory-docs-library.ts';
import { openExampleCatalog } from '../../slack/helpers/catalog-fixture.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const page = (path: string, title: string): DocsPage => ({
  path,
  sourcePath: `${path || 'index/'}`.replace(/\/$/, '.md'),
  title,
  html: `<h1>${title}</h1>`,
  toc: [],
  sections: [],
});

const docs = {
  publicUrl: 'https://callboard.acme.example/',
  library: memoryDocsLibrary([
    {
      site: {
        entityRef: 'resource:default/payments-ledger-db',
        siteName: 'Payments ledger DB',
        nav: [
          { title: 'Home', path: '' },
          { title: 'Operations', children: [{ title: 'Failover runbook', path: 'operations/failover/' }] },
        ],
        pages: [page('', 'Home'), page('operations/failover/', 'Failover runbook')],
        assets: [],
        warnings: [],
      },
    },
  ]),
};

const found = (texts: string[]) => findEntitiesInPhrases(runtime.store, texts, { kinds: INCIDENT_ENTITY_KINDS, limit: 10 }).map((entity) => entity.ref);

describe('findEntitiesInPhrases: what a channel names', () => {
  it('finds a hyphenated name inside a channel name, the longest run of words first', () => {
    expect(found(['inc-2024-checkout-service-down'])).toEqual(['component:default/checkout-service']);
  });

  it('finds aliases and titles in a topic, in any case, in order, without repeats', () => {
    expect(found(['Kafka lag; SSO broken', 'Checkout Service slow, kafka again'])).toEqual([
      'resource:default/events-kafka',
      'component:default/identity-service',
      'component:default/checkout-service',
    ]);
  });

  it('names no team, person or unknown word', () => {
    expect(found(['inc-platform-team-jonas-berg-coffee'])).toEqual([]);
  });
});

describe('findIncidentContext', () => {
  const NOW = new Date('2026-12-06T12:00:00Z');

  it('gives owner, the link runbook, blast radius both ways with owners, and the last catalog change', () => {
    const context = findIncidentContext({ store: runtime.store, depth: 1, now: NOW }, 'component:default/checkout-service')!;
    expect(context.ownerRef).toBe('group:default/checkout-team');
    expect(context.runbook).toEqual({ url: 'https://github.com/acme/checkout-service/blob/main/docs/runbook.md', title: 'Runbook', from: 'link' });
    expect(context.docsUrl).toBeUndefined();
    expect(context.dependencies.entries.every((entry) => entry.depth === 1)).toBe(true);
    expect(context.dependencies.entries).toContainEqual(expect.objectContaining({ ref: 'component:default/cart-service', ownerName: 'Checkout' }));
    expect(context.dependencies.beyondDepth).toBeGreaterThan(0);
    expect(context.dependents.entries.map((entry) => entry.ref)).toContain('api:default/checkout-api');
    expect(context.change).toMatchObject({ sourceId: expect.stringMatching(/^dir:/), path: 'services/checkout-service/catalog-info.yaml' });
    // The example org was synced when this file started: a change within the last 7 days.
    expect(findIncidentContext({ store: runtime.store, depth: 1, now: new Date() }, 'component:default/checkout-service')!.change!.recent).toBe(true);
  });

  it('without a runbook link, takes the docs page named runbook, and links the built docs home', () => {
    const context = findIncidentContext({ store: runtime.store, depth: 2, now: NOW, docs }, 'resource:default/payments-ledger-db')!;
    expect(context.runbook).toEqual({
      url: 'https://callboard.acme.example/docs/default/resource/payments-ledger-db/operations/failover/',
      title: 'Failover runbook',
      from: 'docs',
    });
    expect(context.docsUrl).toBe('https://callboard.acme.example/docs/default/resource/payments-ledger-db/');
  });

  it('says a change older than 7 days is not recent', () => {
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(findIncidentContext({ store: runtime.store, depth: 1, now: later }, 'component:default/cart-service')!.change!.recent).toBe(false);
  });

  it('marks a blast radius cut at the read budget within the depth, so the card does not understate it', () => {
    const shared = 'resource:default/payments-ledger-db';
    // The example catalog is small: the store's walk is cut as a shared database with hundreds of dependents would be.
    const store = new Proxy(runtime.store, {
      get: (target, key) =>
        key === 'dependencyWalk'
          ? (ref: string, direction: 'forward' | 'reverse', options: { depth?: number; budget: number }) => {
              const walk = target.dependencyWalk(ref, direction, options);
              return direction === 'reverse' ? { ...walk, beyondDepth: 0, budgetReached: true } : walk;
            }
          : Reflect.get(target, key, target),
    });
    const context = findIncidentContext({ store, depth: 2, now: NOW }, shared)!;
    expect(context.dependents.budgetReached).toBe(true);
    expect(context.dependencies.budgetReached).toBeUndefined();
  });

  it('is undefined for a ref the catalog does not hold', () => {
    expect(findIncidentContext({ store: runtime.store, depth: 1, now: NOW }, 'component:default/nope')).toBeUndefined();
  });
});
