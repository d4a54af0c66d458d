/**
 * The example corpus, read the way Backstage's example app reads it (corpus README): the
 * figures below are what Backstage's own validation and relation code make of it offline.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RelationRow } from '../../../src/core/catalog/entity.ts';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import type { ParsedCatalogFile } from '../../../src/core/catalog/parse-catalog-file.ts';
import { EXAMPLES_DIR, parseFileFromDisk, walkCatalog } from './corpus-walker.ts';

const registry = createBuiltinKindRegistry();
const MODEL_DIR = path.join(EXAMPLES_DIR, 'catalog-model-examples');

const countBy = <T>(items: T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

describe('catalog-model-examples from all.yaml and acme-corp.yaml', () => {
  let files: Map<string, ParsedCatalogFile>;
  let parsed: ParsedCatalogFile[];

  beforeAll(async () => {
    files = await walkCatalog([path.join(MODEL_DIR, 'all.yaml'), path.join(MODEL_DIR, 'acme-corp.yaml')], registry);
    parsed = [...files.values()];
  });

  const entities = () => parsed.flatMap((file) => file.entities);

  /** Rows stored on existing entities, deduplicated by (source, type, target). */
  const storedRelations = (): RelationRow[] => {
    const ingested = new Set(entities().map((entity) => entity.ref));
    const rows = new Map<string, RelationRow>();
    for (const row of entities().flatMap((entity) => entity.relations)) rows.set(`${row.sourceRef} ${row.type} ${row.targetRef}`, row);
    return [...rows.values()].filter((row) => ingested.has(row.sourceRef));
  };

  it('ingests 61 entities with the per-kind counts of the corpus README', () => {
    expect(entities()).toHaveLength(61);
    expect(new Set(entities().map((entity) => entity.ref)).size).toBe(61);
    expect(countBy(entities(), (entity) => entity.entity.kind)).toEqual({
      Location: 9,
      Group: 9,
      User: 17,
      Component: 13,
      API: 6,
      Domain: 3,
      System: 3,
      Resource: 1,
    });
  });

  it('rejects exactly the 8 documents the README lists, for the reasons it gives', () => {
    const problems = parsed.flatMap((file) => file.problems);
    const summary = problems.map((problem) => [problem.entityRef, problem.severity, problem.message.replace(/:.*$|;.*$/, '')]);
    expect(summary.sort()).toEqual(
      [
        ['airesource:default/code-review-plugin', 'error', 'kind "AiResource" with apiVersion "backstage.io/v1alpha1" is not a known kind'],
        ['airesource:default/frontend-design', 'error', 'kind "AiResource" with apiVersion "backstage.io/v1alpha1" is not a known kind'],
        ['airesource:default/use-internal-apis', 'error', 'kind "AiResource" with apiVersion "backstage.io/v1alpha1" is not a known kind'],
        ['api:default/backstage-mcp-server', 'error', 'spec.definition is missing'],
        ['api:default/local-inference-server', 'error', 'spec.definition is missing'],
        ['api:default/spotify', 'error', 'spec.definition'],
        ['api:default/wayback-archive', 'error', 'spec.definition'],
        ['api:default/wayback-search', 'error', 'spec.definition'],
      ].sort(),
    );
    const unreachable = problems.filter((problem) => problem.message.includes('$text "https://'));
    expect(unreachable.map((problem) => problem.entityRef).sort()).toEqual([
      'api:default/spotify',
      'api:default/wayback-archive',
      'api:default/wayback-search',
    ]);
  });

  it('keeps rejected documents identified, and marks only the unreachable ones transient', () => {
    expect(parsed.every((file) => !file.unidentified)).toBe(true);
    expect(parsed.flatMap((file) => file.rejectedRefs)).toHaveLength(8);
    const transient = [...files].filter(([, file]) => file.transient).map(([name]) => path.relative(MODEL_DIR, name));
    expect(transient.sort()).toEqual(['apis/spotify-api.yaml', 'apis/wayback-archive-api.yaml', 'apis/wayback-search-api.yaml']);
  });

  it('reads the relative $text of petstore-webhook from disk', () => {
    const api = entities().find((entity) => entity.ref === 'api:default/petstore-webhook');
    expect(api?.entity.spec?.definition).toMatch(/^openapi: 3\.1/);
  });

  it('stores 141 relations with the per-type counts of the corpus README', () => {
    const rows = storedRelations();
    expect(rows).toHaveLength(141);
    expect(countBy(rows, (row) => row.type)).toEqual({
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

  it('gives component:default/wayback-archive the relations of compat §10', () => {
    const onArchive = storedRelations().filter((row) => row.sourceRef === 'component:default/wayback-archive');
    expect(onArchive.map((row) => `${row.type} ${row.targetRef}`).sort()).toEqual([
      'hasPart component:default/wayback-archive-ingestion',
      'hasPart component:default/wayback-archive-storage',
      'ownedBy group:default/team-a',
      'providesApi api:default/wayback-archive',
    ]);
  });

  it('relates the development guest to the default team (trap 11)', () => {
    const rows = storedRelations().map((row) => `${row.sourceRef} ${row.type} ${row.targetRef}`);
    expect(rows).toContain('user:development/guest memberOf group:default/team-a');
    expect(rows).toContain('group:default/team-a hasMember user:development/guest');
    expect(rows).toContain('group:default/boxoffice parentOf group:default/team-e');
  });
});

describe('software templates', () => {
  const templateFiles = ['sample-templates', 'software-templates'].flatMap((group) =>
    readdirSync(path.join(EXAMPLES_DIR, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        readdirSync(path.join(EXAMPLES_DIR, group, entry.name))
          .filter((name) => name.endsWith('.yaml'))
          .map((name) => path.join(group, entry.name, name)),
      ),
  );

  it('finds the 15 template files of the corpus', () => {
    expect(templateFiles).toHaveLength(15);
  });

  // Actions Callboard does not ship (optional Backstage modules, demo plugins): an error on the step's action line,
  // while the template itself stays in the catalog, listed as not runnable.
  const UNKNOWN_ACTIONS: Record<string, string> = {
    'sample-templates/longrunning-demo/wait-action.yaml': 'stress:waitWorkflow',
    'sample-templates/notifications-demo/template.yaml': 'notification:send',
    'software-templates/docs-template-cookiecutter/template.yaml': 'fetch:cookiecutter',
    'software-templates/gitlab-merge-request/template.yaml': 'publish:gitlab:merge-request',
    'software-templates/pull-request/template.yaml': 'publish:github:pull-request',
    'software-templates/rails-demo/template.yaml': 'fetch:rails',
  };
  const unknownActionOf = (message: string) => /uses action "([^"]+)", which Callboard does not have/.exec(message)?.[1];

  it.each(templateFiles)('%s is one valid v1beta3 Template', async (file) => {
    const result = await parseFileFromDisk(path.join(EXAMPLES_DIR, file), registry);
    const expected = UNKNOWN_ACTIONS[file.split(path.sep).join('/')];
    expect(result.problems.map((problem) => [problem.severity, unknownActionOf(problem.message), typeof problem.line])).toEqual(
      expected ? [['error', expected, 'number']] : [],
    );
    expect(result.entities.map((entity) => [entity.entity.apiVersion, entity.entity.kind])).toEqual([['scaffolder.backstage.io/v1beta3', 'Template']]);
  });

  it('reads owner backstage/techdocs-core as the dangling group:backstage/techdocs-core (trap 2)', async () => {
    const result = await parseFileFromDisk(path.join(EXAMPLES_DIR, 'software-templates/docs-template/template.yaml'), registry);
    expect(result.entities[0]!.relations).toContainEqual({
      sourceRef: 'template:default/docs-template',
      type: 'ownedBy',
      targetRef: 'group:backstage/techdocs-core',
    });
  });

  it('walks all-templates.yaml to its local templates and lists the remote ones as targets', async () => {
    const files = await walkCatalog([path.join(EXAMPLES_DIR, 'sample-templates/all-templates.yaml')], registry);
    const parsed = [...files.values()];
    expect(
      countBy(
        parsed.flatMap((file) => file.entities),
        (entity) => entity.entity.kind,
      ),
    ).toEqual({ Location: 2, Template: 4 });
    // One of the four local templates names an action Callboard does not have (see UNKNOWN_ACTIONS above).
    expect(parsed.flatMap((file) => file.problems).map((problem) => unknownActionOf(problem.message))).toEqual(['notification:send']);
    const remote = parsed.flatMap((file) => file.locationTargets).filter((target) => target.target.startsWith('https://'));
    expect(remote).toHaveLength(6);
    expect(remote.every((target) => target.type === 'url')).toBe(true);
  });
});

describe('unreferenced examples', () => {
  const parseExample = (file: string) => parseFileFromDisk(path.join(EXAMPLES_DIR, 'unreferenced/catalog-model-examples', file), registry);

  it('invalid-component.yaml fails on its name, with the message Backstage gives', async () => {
    const result = await parseExample('components/invalid-component.yaml');
    expect(result.entities).toEqual([]);
    expect(result.rejectedRefs).toEqual(['component:default/invalid component']);
    expect(result.problems[0]).toMatchObject({
      severity: 'error',
      message:
        'metadata.name "invalid component" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total',
      line: 4,
      column: 3,
    });
    // Backstage stops at the first failure; the bad tag is reported too so both get fixed at once.
    expect(result.problems[1]?.message).toContain('metadata.tags[1] "go 1.15.3" is not valid');
  });

  it('different-namespace.yaml lives in namespace alternative and owns from default', async () => {
    const result = await parseExample('components/different-namespace.yaml');
    expect(result.entities.map((entity) => entity.ref)).toEqual(['component:alternative/different-namespace']);
    expect(result.entities[0]!.relations[0]).toEqual({
      sourceRef: 'component:alternative/different-namespace',
      type: 'ownedBy',
      targetRef: 'group:default/team-a',
    });
  });

  it('config-schema-api.yaml needs the network: a transient problem', async () => {
    const result = await parseExample('apis/config-schema-api.yaml');
    expect(result).toMatchObject({ entities: [], rejectedRefs: ['api:default/config-schema'], transient: true, unidentified: false });
  });
});
