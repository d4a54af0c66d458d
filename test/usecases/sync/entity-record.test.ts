import { describe, expect, it } from 'vitest';
import type { ParsedEntity } from '../../../src/core/catalog/parse-catalog-file.ts';
import { toEntityRecord } from '../../../src/usecases/sync/entity-record.ts';

const parsed = (annotations?: Record<string, string>): ParsedEntity => ({
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'Checkout', namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  },
  ref: 'component:default/checkout',
  line: 4,
  column: 1,
  relations: [{ sourceRef: 'component:default/checkout', type: 'ownedBy', targetRef: 'group:default/payments' }],
});

const fromGithub = {
  location: 'url:https://github.com/acme/shop/blob/main/checkout/catalog-info.yaml',
  originLocation: 'url:https://github.com/acme',
  viewUrl: 'https://github.com/acme/shop/blob/main/checkout/catalog-info.yaml',
  editUrl: 'https://github.com/acme/shop/edit/main/checkout/catalog-info.yaml',
};

describe('toEntityRecord', () => {
  it('adds the location annotations Backstage adds, in its order, under the authored ones', () => {
    const record = toEntityRecord(parsed({ 'backstage.io/view-url': 'https://docs.acme.dev/checkout', 'acme.dev/tier': '1' }), fromGithub);
    const body = JSON.parse(record.body) as { metadata: { annotations: Record<string, string> } };
    expect(body.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': fromGithub.location,
      'backstage.io/managed-by-origin-location': fromGithub.originLocation,
      'backstage.io/view-url': 'https://docs.acme.dev/checkout',
      'backstage.io/edit-url': fromGithub.editUrl,
      'backstage.io/source-location': 'url:https://github.com/acme/shop/blob/main/checkout/',
      'acme.dev/tier': '1',
    });
    expect(Object.keys(body.metadata.annotations).slice(0, 5)).toEqual([
      'backstage.io/managed-by-location',
      'backstage.io/managed-by-origin-location',
      'backstage.io/view-url',
      'backstage.io/edit-url',
      'backstage.io/source-location',
    ]);
    expect(record).toMatchObject({ ref: 'component:default/checkout', name: 'checkout', namespace: 'default', line: 4, column: 1 });
  });

  it('adds no URL annotations for a file location, and never changes the parsed entity', () => {
    const input = parsed();
    const record = toEntityRecord(input, { location: 'file:/srv/catalog/checkout.yaml', originLocation: 'file:/srv/catalog' });
    const body = JSON.parse(record.body) as { metadata: { annotations: Record<string, string> } };
    expect(Object.keys(body.metadata.annotations)).toEqual(['backstage.io/managed-by-location', 'backstage.io/managed-by-origin-location']);
    expect(input.entity.metadata.annotations).toBeUndefined();
  });

  it('gives the same etag to the same entity and relations, and a new one when either changes', () => {
    const origin = { location: 'file:/a.yaml', originLocation: 'file:/' };
    const base = toEntityRecord(parsed(), origin);
    expect(toEntityRecord(parsed(), origin).etag).toBe(base.etag);
    expect(toEntityRecord(parsed({ x: 'y' }), origin).etag).not.toBe(base.etag);
    const moreRelations = {
      ...parsed(),
      relations: [...parsed().relations, { sourceRef: 'group:default/payments', type: 'ownerOf', targetRef: 'component:default/checkout' }],
    };
    expect(toEntityRecord(moreRelations, origin).etag).not.toBe(base.etag);
  });

  it('keeps only the rows the entity is the source of: the store derives the inverse side', () => {
    const inverse = { sourceRef: 'group:default/payments', type: 'ownerOf', targetRef: 'component:default/checkout' };
    const record = toEntityRecord({ ...parsed(), relations: [...parsed().relations, inverse] }, { location: 'file:/a.yaml', originLocation: 'file:/' });
    expect(record.relations).toEqual(parsed().relations);
  });
});
