import { describe, expect, it } from 'vitest';
import type { DocsSiteSummary } from '../../src/core/docs/docs-library.ts';
import { unknownFact } from '../../src/core/scorecards/facts.ts';
import { DOCS_NOT_BUILT, gatherFacts, type GatherDeps } from '../../src/scorecards/gather-facts.ts';

const refuse = (what: string) => () => {
  throw new Error(`${what} was not expected in this test`);
};

const site = (entityRef: string, extra: Partial<DocsSiteSummary> = {}): DocsSiteSummary => ({
  entityRef,
  siteName: entityRef,
  nav: [],
  pageCount: 1,
  builtAt: '2026-12-01T10:00:00Z',
  changedAt: '2026-11-20T08:00:00Z',
  warnings: [],
  ...extra,
});

const sites: Record<string, DocsSiteSummary> = {
  'component:default/documented': site('component:default/documented'),
  // The latest build failed; the last good one is still served, so its change time counts.
  'component:default/broken-now': site('component:default/broken-now', { changedAt: '2026-10-01T00:00:00Z', lastError: 'mkdocs.yml: nav is not a list' }),
};

const deps = (docs?: GatherDeps['docs']): GatherDeps => ({
  catalog: { dependencyWalk: refuse('a dependency walk'), entityEnvelope: refuse('an envelope read') },
  files: { readMany: refuse('a file read'), changedPaths: refuse('a diff'), close: async () => {} },
  onCallTimeoutMs: 1000,
  onCallConcurrency: 1,
  ...(docs ? { docs } : {}),
});

const docsOf = async (ref: string, gather: GatherDeps, needed = true) => {
  const request = {
    entity: { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: ref }, relations: [] },
    location: { ref, etag: 'e', sourceId: 'org', path: 'catalog-info.yaml' },
    needed: { files: [], docs: needed, oncall: false, dependencies: false },
  };
  const [facts] = await gatherFacts(gather, [request]);
  return facts!.docsChangedAt;
};

describe('the docs fact', () => {
  const library = { site: (ref: string) => sites[ref] };

  it('is when the served site last changed', async () => {
    expect(await docsOf('component:default/documented', deps(library))).toBe('2026-11-20T08:00:00Z');
    expect(await docsOf('component:default/broken-now', deps(library))).toBe('2026-10-01T00:00:00Z');
  });

  it('is null (no rendered docs, the check fails) for an entity without a served site', async () => {
    expect(await docsOf('component:default/undocumented', deps(library))).toBeNull();
  });

  it('is unknown without a docs library, and not read when no rule needs it', async () => {
    expect(await docsOf('component:default/documented', deps())).toEqual(unknownFact(DOCS_NOT_BUILT));
    const counted = { asked: 0, site: (ref: string) => (counted.asked++, sites[ref]) };
    expect(await docsOf('component:default/documented', deps(counted), false)).toEqual(unknownFact('docs were not checked'));
    expect(counted.asked).toBe(0);
  });
});
