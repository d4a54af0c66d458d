import { describe, expect, it } from 'vitest';
import { findDocsRoot, normalizeRelativePath, type DocumentedEntity, type SyncedRepository } from '../../../src/core/docs/find-docs-root.ts';

const entity = (annotations: Record<string, string>, path = 'services/payments/catalog-info.yaml'): DocumentedEntity => ({
  ref: 'component:default/payments',
  annotations,
  sourceId: 'acme',
  path,
});

const repositories: SyncedRepository[] = [
  { sourceId: 'monorepo', urls: ['git@github.com:acme/monorepo.git', 'https://github.com/acme/monorepo'], branch: 'main' },
  { sourceId: 'handbook', urls: ['file:///srv/git/handbook.git'] },
];

describe('findDocsRoot', () => {
  it.each([
    ['dir:.', 'services/payments'],
    ['dir:./', 'services/payments'],
    ['dir:sub', 'services/payments/sub'],
    ['dir:./sub/deeper/', 'services/payments/sub/deeper'],
    ['dir:sub/../other', 'services/payments/other'],
  ])('resolves %s relative to the catalog file folder', (ref, folder) => {
    expect(findDocsRoot(entity({ 'backstage.io/techdocs-ref': ref }), repositories)).toEqual({ kind: 'folder', sourceId: 'acme', folder });
  });

  it('resolves dir:. of a catalog file at the source root to the root', () => {
    expect(findDocsRoot(entity({ 'backstage.io/techdocs-ref': 'dir:.' }, 'catalog-info.yaml'), [])).toEqual({ kind: 'folder', sourceId: 'acme', folder: '' });
  });

  it.each(['dir:..', 'dir:../shared-docs', 'dir:sub/../../..', 'dir:/etc'])('refuses %s, which leaves the catalog file folder', (ref) => {
    const root = findDocsRoot(entity({ 'backstage.io/techdocs-ref': ref }), repositories);
    expect(root).toMatchObject({ kind: 'problem', message: expect.stringContaining('leads outside the folder of services/payments/catalog-info.yaml') });
  });

  it.each([
    ['url:https://github.com/acme/monorepo/tree/main/docs/payments', 'monorepo', 'docs/payments'],
    ['url:https://github.com/Acme/Monorepo/blob/main/docs/payments/', 'monorepo', 'docs/payments'],
    ['url:https://github.com/acme/monorepo', 'monorepo', ''],
    ['url:https://github.com/acme/monorepo/tree/main', 'monorepo', ''],
    ['url:git@github.com:acme/monorepo.git', 'monorepo', ''],
    ['url:file:///srv/git/handbook.git/tree/trunk/payments%20docs', 'handbook', 'payments docs'],
  ])('resolves %s into the synced source', (ref, sourceId, folder) => {
    expect(findDocsRoot(entity({ 'backstage.io/techdocs-ref': ref }), repositories)).toEqual({ kind: 'folder', sourceId, folder });
  });

  it('says so when a url: points at a repository no source syncs', () => {
    expect(findDocsRoot(entity({ 'backstage.io/techdocs-ref': 'url:https://github.com/other/repo/tree/main/docs' }), repositories)).toEqual({
      kind: 'problem',
      message: 'docs URL is not in any configured source: https://github.com/other/repo/tree/main/docs; add the repository as a git source, or use dir:',
    });
  });

  it('refuses a url: on another branch than the one synced', () => {
    const root = findDocsRoot(entity({ 'backstage.io/techdocs-ref': 'url:https://github.com/acme/monorepo/tree/develop/docs' }), repositories);
    expect(root).toMatchObject({ kind: 'problem', message: expect.stringContaining('names branch "develop", but source "monorepo" syncs "main"') });
  });

  it('does not take a longer repository name for a synced one', () => {
    const root = findDocsRoot(entity({ 'backstage.io/techdocs-ref': 'url:https://github.com/acme/monorepo-old/tree/main/docs' }), repositories);
    expect(root.kind).toBe('problem');
  });

  it('follows techdocs-entity before techdocs-ref, in the entity namespace, kind Component by default', () => {
    expect(findDocsRoot(entity({ 'backstage.io/techdocs-entity': 'system:default/payments-platform', 'backstage.io/techdocs-ref': 'dir:.' }), [])).toEqual({
      kind: 'borrowed',
      lenderRef: 'system:default/payments-platform',
    });
    expect(findDocsRoot(entity({ 'backstage.io/techdocs-entity': 'Ledger' }), [])).toEqual({ kind: 'borrowed', lenderRef: 'component:default/ledger' });
    expect(findDocsRoot(entity({ 'backstage.io/techdocs-entity': 'payments' }), []).kind).toBe('problem');
  });

  it('has nothing to say without annotations, and explains an unknown scheme', () => {
    expect(findDocsRoot(entity({}), repositories)).toEqual({ kind: 'none' });
    expect(findDocsRoot(entity({ 'backstage.io/techdocs-ref': 'github:acme/x' }), repositories)).toMatchObject({ kind: 'problem' });
  });
});

describe('normalizeRelativePath', () => {
  it.each([
    ['a/./b/../c', 'a/c'],
    ['', ''],
    ['..', undefined],
    ['a/../..', undefined],
  ])('%s → %s', (path, normal) => {
    expect(normalizeRelativePath(path)).toBe(normal);
  });
});
