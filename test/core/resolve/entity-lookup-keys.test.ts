import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/catalog/entity.ts';
import { lookupKeysOf } from '../../../src/core/resolve/entity-lookup-keys.ts';

const entity = (metadata: Partial<Entity['metadata']>, spec: Record<string, unknown> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service', ...metadata },
  spec,
});

describe('lookupKeysOf', () => {
  it('title, aliases and every URL form, one key each; the exact name is left to the entities table', () => {
    const keys = lookupKeysOf(
      entity({
        title: 'Checkout Service',
        annotations: {
          'callboard.dev/aliases': 'checkout, Checkout Orchestrator, ,',
          'github.com/project-slug': 'acme/checkout-service',
          'backstage.io/managed-by-location': 'url:https://github.com/acme/checkout-service/blob/main/catalog-info.yaml',
          'backstage.io/source-location': 'url:https://github.com/acme/checkout-service/tree/main/',
          'backstage.io/techdocs-ref': 'dir:.',
          'callboard.dev/runbook-url': 'https://wiki.acme.example/runbooks/checkout',
        },
        links: [
          { url: 'https://github.com/acme/checkout-service', title: 'Repository' },
          { url: 'https://docs.acme.example/checkout/', title: 'Docs' },
        ],
      }),
    );
    expect(keys).toEqual([
      { key: 'checkout', source: 'alias' },
      { key: 'checkout-orchestrator', source: 'alias' },
      { key: 'github.com/acme/checkout-service', source: 'repo' },
      { key: 'github.com/acme/checkout-service/catalog-info.yaml', source: 'repo' },
      { key: 'wiki.acme.example/runbooks/checkout', source: 'link' },
      { key: 'docs.acme.example/checkout', source: 'link' },
    ]);
  });

  it('a name that normalising changes, and a display name, are keys; file locations are not', () => {
    const user = {
      ...entity(
        { name: 'ada.lovelace', annotations: { 'backstage.io/managed-by-location': 'file:/srv/org.yaml' } },
        { profile: { displayName: 'Ada Lovelace' } },
      ),
      kind: 'User',
    };
    expect(lookupKeysOf(user)).toEqual([{ key: 'ada-lovelace', source: 'name' }]);
  });

  it('tolerates links without a URL and titles that are not text', () => {
    const odd = entity({ title: 42 as unknown as string, links: [{ url: 42 as unknown as string }, { url: 'not a url' }] });
    expect(lookupKeysOf(odd)).toEqual([]);
  });
});
