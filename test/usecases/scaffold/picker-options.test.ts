import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { buildFormField } from '../../../src/core/scaffolder/form/build-form-model.ts';
import type { CatalogFilter } from '../../../src/core/scaffolder/form/form-model.ts';
import { matchesCatalogFilter } from '../../../src/usecases/scaffold/catalog-filter.ts';
import { MAX_OPTIONS, pickerOptions } from '../../../src/usecases/scaffold/picker-options.ts';
import { openExampleCatalog } from '../../slack/helpers/catalog-fixture.ts';

let runtime: CatalogRuntime;
beforeAll(async () => {
  runtime = await openExampleCatalog();
});
afterAll(() => runtime.close());

const field = (schema: Record<string, unknown>) => buildFormField('f', { type: 'string', ...schema }, true);
const values = (schema: Record<string, unknown>, typed = '', userRef?: string) =>
  pickerOptions(runtime.store, { field: field(schema), typed, ...(userRef ? { userRef } : {}) }).map((option) => option.value);

describe('pickerOptions on the example org', () => {
  it('EntityPicker with a catalogFilter object: only matching entities, typed text by prefix before substring', () => {
    const services = values({ 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'Component', 'spec.type': 'service' } } });
    expect(services).toContain('component:default/cart-service');
    expect(services).not.toContain('component:default/storefront-web');
    expect(services).not.toContain('api:default/payments-api');
    const typed = pickerOptions(runtime.store, {
      field: field({ 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'Component' }, allowArbitraryValues: false } }),
      typed: 'serv',
    });
    expect(typed.length).toBeGreaterThan(0);
    // Nothing is named or titled "serv…", so every match is a substring match ("cart-service", "Checkout Service").
    expect(typed.map((option) => option.value)).toContain('component:default/checkout-service');
    expect(typed.find((option) => option.value === 'component:default/checkout-service')!.text).toBe('Checkout Service · Component checkout-service');
    const prefix = values({ 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'Component' }, allowArbitraryValues: false } }, 'pay');
    expect(prefix[0]).toBe('component:default/payments-api');
  });

  it('a list of filters is any-of; value lists and { exists } work', () => {
    const either = values({
      'ui:field': 'MultiEntityPicker',
      'ui:options': {
        catalogFilter: [
          { kind: 'Component', 'spec.type': ['website', 'library'] },
          { kind: 'API', 'metadata.name': 'pricing-grpc' },
        ],
      },
    });
    expect(either).toEqual(expect.arrayContaining(['api:default/pricing-grpc', 'component:default/storefront-web', 'component:default/ui-kit']));
    for (const ref of either) {
      const entity = runtime.store.entity(ref)!;
      expect(entity.kind === 'API' ? entity.metadata.name : entity.spec?.type).toMatch(/pricing-grpc|website|library/);
    }
    const withRunbook = values({
      'ui:field': 'EntityPicker',
      'ui:options': { catalogFilter: { kind: 'Component', 'metadata.annotations.pagerduty.com/service-id': { exists: true } } },
    });
    for (const ref of withRunbook) expect(runtime.store.entity(ref)!.metadata.annotations?.['pagerduty.com/service-id']).toBeDefined();
  });

  it('OwnerPicker lists groups and users; OwnedEntityPicker what the user owns through their team; MyGroupsPicker their groups', () => {
    const owners = values({ 'ui:field': 'OwnerPicker' });
    expect(owners).toContain('group:default/checkout-team');
    expect(owners).toContain('user:default/sofia.marquez');
    expect(owners.every((ref) => ref.startsWith('group:') || ref.startsWith('user:'))).toBe(true);
    const owned = values({ 'ui:field': 'OwnedEntityPicker', 'ui:options': { catalogFilter: { kind: 'Component' } } }, '', 'user:default/sofia.marquez');
    expect(owned.sort()).toEqual(['component:default/cart-service', 'component:default/checkout-service', 'component:default/pricing-service']);
    expect(values({ 'ui:field': 'MyGroupsPicker' }, '', 'user:default/sofia.marquez')).toEqual(['group:default/checkout-team']);
    expect(values({ 'ui:field': 'MyGroupsPicker' }, 'anything', undefined)).toEqual([]);
  });

  it('EntityTagsPicker offers the tags in use', () => {
    const tags = values({ type: 'array', 'ui:field': 'EntityTagsPicker', 'ui:options': { kinds: ['Component'] } }, 'ka');
    expect(tags).toEqual(['kafka', 'ka']);
    expect(values({ type: 'array', 'ui:field': 'EntityTagsPicker' }, 'tier')).toContain('tier-1');
  });

  it('allowArbitraryValues offers the typed value after the matches, completed with the default kind and namespace', () => {
    const options = pickerOptions(runtime.store, {
      field: field({ 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'System' }, defaultKind: 'System', defaultNamespace: 'ops' } }),
      typed: 'brand-new',
    });
    expect(options.at(-1)).toEqual({ text: 'system:ops/brand-new (as typed)', value: 'system:ops/brand-new' });
    expect(values({ 'ui:field': 'EntityPicker', 'ui:options': { allowArbitraryValues: false } }, 'brand-new')).toEqual([]);
    // As Backstage's stringifyEntityRef: the kind lowercased, namespace and name as typed.
    expect(values({ 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'System' } } }, 'System:Ops/Brand-New').at(-1)).toBe(
      'system:Ops/Brand-New',
    );
    // An exact match is not offered twice.
    expect(
      values({ 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'Group' } } }, 'group:default/checkout-team').filter(
        (ref) => ref === 'group:default/checkout-team',
      ),
    ).toHaveLength(1);
  });

  it('a long enum is served by index, filtered by what is typed, at most 100 options', () => {
    const regions = Array.from({ length: 250 }, (_, i) => `region-${String(i).padStart(3, '0')}`);
    const enumField = buildFormField('region', { type: 'string', enum: regions }, true);
    expect(pickerOptions(runtime.store, { field: enumField, typed: '' })).toHaveLength(MAX_OPTIONS);
    expect(pickerOptions(runtime.store, { field: enumField, typed: 'region-12' })).toEqual(
      Array.from({ length: 10 }, (_, i) => ({ text: `region-12${i}`, value: String(120 + i) })),
    );
  });
});

describe('matchesCatalogFilter', () => {
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'a', tags: ['Go', 'tier-1'], annotations: { 'backstage.io/techdocs-ref': 'dir:.' } },
    spec: { type: 'service', owner: 'team-a' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  };
  it.each<[CatalogFilter[], boolean]>([
    [[], true],
    [[{ kind: ['component'] }], true],
    [[{ 'metadata.tags': ['go'] }], true],
    [[{ 'metadata.tags': ['rust'] }], false],
    [[{ 'metadata.annotations.backstage.io/techdocs-ref': { exists: true } }], true],
    [[{ 'spec.lifecycle': { exists: true } }], false],
    [[{ 'relations.ownedBy': ['group:default/team-a'] }], true],
    [[{ 'metadata.namespace': ['default'], kind: ['API'] }], false],
    [[{ kind: ['API'] }, { 'spec.type': ['service'] }], true],
  ])('%j → %s', (filters, expected) => {
    expect(matchesCatalogFilter(entity, filters)).toBe(expected);
  });
});

describe('pickerOptions on a catalog too large to read whole', () => {
  const searched = (schema: Record<string, unknown>, typed: string) =>
    pickerOptions(runtime.store, {
      field: field({ ...schema, 'ui:options': { allowArbitraryValues: false, ...(schema['ui:options'] as object) } }),
      typed,
      fullScanLimit: 0,
    }).map((option) => option.value);

  it('searches what was typed, offers nothing before, and still applies the whole filter', () => {
    expect(searched({ 'ui:field': 'EntityPicker' }, '')).toEqual([]);
    expect(searched({ 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'Component' } } }, 'pay')[0]).toBe('component:default/payments-api');
    const services = searched({ 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'Component', 'spec.type': 'website' } } }, 'storefront');
    expect(services).toContain('component:default/storefront-web');
    for (const ref of services) expect(runtime.store.entity(ref)!.spec?.type).toBe('website');
    expect(searched({ 'ui:field': 'OwnerPicker' }, 'group:default/checkout-team')).toEqual(['group:default/checkout-team']);
  });

  it('gives the same first answers as reading the catalog whole', () => {
    const schema = { 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'Component' }, allowArbitraryValues: false } };
    const whole = pickerOptions(runtime.store, { field: field(schema), typed: 'checkout' }).map((option) => option.value);
    expect(searched(schema, 'checkout').slice(0, 3)).toEqual(whole.slice(0, 3));
  });
});

describe('pickerOptions limits', () => {
  it('never offers a value Slack would refuse (over 150 characters)', () => {
    const typed = `${'x'.repeat(200)}`;
    const field = buildFormField('tags', { type: 'array', 'ui:field': 'EntityTagsPicker' }, false);
    expect(pickerOptions(runtime.store, { field, typed })).toEqual([]);
  });
});
