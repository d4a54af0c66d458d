import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirSource } from '../../src/sources/dir-source.ts';
import { SyncHarness } from '../helpers/sync-harness.ts';

/** The three AiResource files all-ai-resources.yaml lists (company-ai-marketplace.yaml is not reached). */
const AI_RESOURCE_FILES = ['frontend-design-skill.yaml', 'use-internal-apis-rule.yaml', 'code-review-plugin.yaml'];

const corpus = resolve(import.meta.dirname, '../fixtures/backstage-corpus/catalog-model-examples');

/**
 * The corpus README's figures: what Backstage's own validation and relation code makes of the two root
 * files, offline. A full sync from the same roots must give the same.
 */
describe('Backstage example catalog, synced from its two roots', () => {
  let harness: SyncHarness;
  beforeAll(async () => {
    harness = new SyncHarness();
    harness.useSources([new DirSource({ id: 'dir:corpus', root: corpus, patterns: ['all.yaml', 'acme-corp.yaml'] })]);
    await harness.sync();
  });
  afterAll(() => harness.close());

  it('ingests 61 entities of the documented kinds', () => {
    expect(harness.store.countsByKind()).toEqual({ API: 6, Component: 13, Domain: 3, Group: 9, Location: 9, Resource: 1, System: 3, User: 17 });
  });

  it('stores 141 relations on existing entities, with the documented counts per type', () => {
    const byType: Record<string, number> = {};
    for (const entity of harness.store.entities()) for (const relation of entity.relations) byType[relation.type] = (byType[relation.type] ?? 0) + 1;
    expect(Object.values(byType).reduce((a, b) => a + b, 0)).toBe(141);
    expect(byType).toEqual({
      ownedBy: 26,
      ownerOf: 26,
      memberOf: 17,
      hasMember: 17,
      partOf: 14,
      hasPart: 14,
      childOf: 8,
      parentOf: 8,
      providesApi: 5,
      apiProvidedBy: 3,
      consumesApi: 1,
      dependsOn: 1,
      dependencyOf: 1,
    });
  });

  it('rejects what Backstage rejects, each with an error on its own file', () => {
    const errors = harness.store.problems({ severity: 'error' });
    const byFile = (name: string) => errors.filter((problem) => problem.file?.endsWith(name));
    for (const file of AI_RESOURCE_FILES) {
      expect(
        byFile(file)
          .map((problem) => problem.message)
          .join(),
      ).toMatch(/AiResource/);
    }
    expect(
      byFile('backstage-mcp-server-api.yaml')
        .map((p) => p.message)
        .join(),
    ).toMatch(/definition/);
    expect(
      byFile('local-ai-model-server-api.yaml')
        .map((p) => p.message)
        .join(),
    ).toMatch(/definition/);
    for (const file of ['spotify-api.yaml', 'wayback-archive-api.yaml', 'wayback-search-api.yaml']) {
      expect(
        byFile(file)
          .map((problem) => problem.message)
          .join(),
      ).toMatch(/https:\/\//);
    }
  });

  it('computes the worked example of the reference (wayback-archive)', () => {
    expect(harness.store.entity('component:default/wayback-archive')!.relations).toEqual([
      { type: 'hasPart', targetRef: 'component:default/wayback-archive-ingestion' },
      { type: 'hasPart', targetRef: 'component:default/wayback-archive-storage' },
      { type: 'ownedBy', targetRef: 'group:default/team-a' },
      { type: 'providesApi', targetRef: 'api:default/wayback-archive' },
    ]);
  });

  it('relates across namespaces and treats one-sided group edges as two-sided', () => {
    expect(harness.store.entity('user:development/guest')!.relations).toContainEqual({ type: 'memberOf', targetRef: 'group:default/team-a' });
    expect(harness.store.entity('group:default/boxoffice')!.relations).toContainEqual({ type: 'parentOf', targetRef: 'group:default/team-e' });
  });
});
