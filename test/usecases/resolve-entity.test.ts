import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../src/catalog-runtime.ts';
import { findEntitiesInText } from '../../src/usecases/find-entities-in-text.ts';
import { findEntitiesByUrl, findEntityByUrl } from '../../src/usecases/find-entity-by-url.ts';
import { resolveEntity } from '../../src/usecases/resolve-entity.ts';
import { openExampleCatalog } from '../slack/helpers/catalog-fixture.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

describe('resolveEntity', () => {
  it('a name as typed (dots included) resolves without lookup keys, as in a database migrated to them but not yet re-synced', () => {
    // With lookup_keys empty, the store still finds entities by their exact name in the entities table.
    const withoutKeys = Object.assign(Object.create(runtime.store) as typeof runtime.store, {
      entitiesWithLookupKeys: (keys: readonly string[]) => runtime.store.entitiesWithLookupKeys(keys).filter((match) => match.key === match.name.toLowerCase()),
    });
    expect(resolveEntity(withoutKeys, 'marcus.oyelaran')).toEqual({ status: 'found', ref: 'user:default/marcus.oyelaran' });
    expect(resolveEntity(withoutKeys, 'Checkout-Service')).toEqual({ status: 'found', ref: 'component:default/checkout-service' });
    expect(resolveEntity(withoutKeys, 'payments-api')).toMatchObject({ status: 'ambiguous' });
  });

  it('a Location of the same name is never offered: the name is the Component', () => {
    const location = { ref: 'location:default/checkout-service', kind: 'Location', name: 'checkout-service' };
    const withLocation = Object.assign(Object.create(runtime.store) as typeof runtime.store, {
      entitiesNamed: (name: string) => [...runtime.store.entitiesNamed(name), ...(name.toLowerCase() === location.name ? [location] : [])],
      entitiesWithLookupKeys: (keys: readonly string[]) => [
        ...runtime.store.entitiesWithLookupKeys(keys),
        ...(keys.includes(location.name) ? [{ ...location, key: location.name, source: 'name' as const }] : []),
      ],
    });
    expect(resolveEntity(withLocation, 'checkout-service')).toEqual({ status: 'found', ref: 'component:default/checkout-service' });
  });

  it('"did you mean" only offers a correction that names something, with the entities it names', () => {
    // The search corrects "foo" to "for", a word of some descriptions: no entity is called that.
    expect(resolveEntity(runtime.store, 'template:default/foo')).toEqual({ status: 'not_found', query: 'template:default/foo', suggestions: [] });
    expect(resolveEntity(runtime.store, 'foo')).toEqual({ status: 'not_found', query: 'foo', suggestions: [] });
    const ledger = resolveEntity(runtime.store, 'ledgr');
    expect(ledger).toMatchObject({ status: 'not_found', didYouMean: 'ledger' });
    if (ledger.status === 'not_found') expect(ledger.suggestions.map((hit) => hit.ref)).toEqual(['resource:default/payments-ledger-db']);
    const checkout = resolveEntity(runtime.store, 'chekout servce');
    expect(checkout).toMatchObject({ status: 'not_found', didYouMean: 'checkout service' });
    if (checkout.status === 'not_found') expect(checkout.suggestions.map((hit) => hit.ref)).toEqual(['component:default/checkout-service']);
  });

  it('a Slack link whose URL names nothing falls back on its label; one whose label names nothing stays not found', () => {
    expect(resolveEntity(runtime.store, '<https://x.example|checkout-service>')).toEqual({ status: 'found', ref: 'component:default/checkout-service' });
    expect(resolveEntity(runtime.store, '<https://x.example|no such thing>')).toMatchObject({
      status: 'not_found',
      query: '<https://x.example|no such thing>',
    });
  });

  it('a Callboard entity page names its entity when the base URL is known', () => {
    const page = 'https://callboard.acme.example/catalog/default/resource/orders-db';
    expect(resolveEntity(runtime.store, page, { callboardUrl: 'https://callboard.acme.example' })).toEqual({
      status: 'found',
      ref: 'resource:default/orders-db',
    });
  });

  it('nothing found: suggestions of the kind the kind word names first', () => {
    const resolution = resolveEntity(runtime.store, 'orders queue');
    expect(resolution.status).toBe('not_found');
    if (resolution.status === 'not_found') expect(resolution.suggestions[0]?.kind).toBe('Resource');
  });

  it('a link to a repository nobody claims suggests entities named like the repository', () => {
    const resolution = resolveEntity(runtime.store, 'https://github.com/acme/checkout-svc');
    expect(resolution).toMatchObject({ status: 'not_found', query: 'https://github.com/acme/checkout-svc' });
    if (resolution.status === 'not_found') expect(resolution.suggestions.map((hit) => hit.ref)).toContain('component:default/checkout-service');
  });

  it('a malformed ref is invalid, a well-formed one that names nothing is not found', () => {
    expect(resolveEntity(runtime.store, 'component:a:b').status).toBe('invalid');
    expect(resolveEntity(runtime.store, 'component:default/nothing').status).toBe('not_found');
  });
});

describe('findEntitiesByUrl', () => {
  it("says whether the link is the entity's own URL or lies inside it", () => {
    expect(findEntitiesByUrl(runtime.store, 'https://github.com/acme/checkout-service.git')).toEqual({
      pick: { status: 'found', ref: 'component:default/checkout-service' },
      exact: true,
    });
    expect(findEntitiesByUrl(runtime.store, 'https://github.com/acme/checkout-service/pull/7')?.exact).toBe(false);
    expect(findEntitiesByUrl(runtime.store, 'checkout-service')).toBeUndefined();
  });

  it('names no single entity for a repository two Resources share (the unfurl stays quiet rather than guess)', () => {
    expect(findEntitiesByUrl(runtime.store, 'https://github.com/acme/infra-databases')?.pick.status).toBe('ambiguous');
    expect(findEntityByUrl(runtime.store, 'https://github.com/acme/infra-databases')).toBeUndefined();
  });
});

describe('findEntitiesInText (the Find owner shortcut)', () => {
  it('finds names in any separators and case, aliases, and every entity of a shared repository; not a one-word title', () => {
    const found = findEntitiesInText(runtime.store, {
      names: ['checkout_service', 'kafka', 'payments', 'identity'],
      urls: ['https://github.com/acme/infra-databases/pull/3'],
    });
    expect(found.map((entity) => entity.ref)).toEqual([
      'resource:default/orders-db',
      'resource:default/payments-ledger-db',
      'component:default/checkout-service',
      'resource:default/events-kafka',
      'system:default/payments',
    ]);
  });
});
