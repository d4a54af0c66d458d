import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { EntityWithRelations } from '../../../src/core/catalog/entity.ts';
import type { CatalogReader } from '../../../src/core/ports.ts';
import { catalogFetchAction } from '../../../src/scaffolder/actions/catalog-fetch-action.ts';
import { catalogWriteAction } from '../../../src/scaffolder/actions/catalog-write-action.ts';
import { createActionHarness, type ActionHarness } from './action-context.ts';

let h: ActionHarness;
beforeEach(async () => {
  h = await createActionHarness();
});
afterEach(() => h.dispose());

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', annotations: { a: 'b' } },
  spec: { type: 'service', owner: 'team-a' },
};

describe('catalog:write', () => {
  it('writes the entity as YAML with the source-template annotation when the run knows its template', async () => {
    await h.run(catalogWriteAction, { entity }, { templateRef: 'template:default/demo' });
    const written = parse(await readFile(join(h.workspace, 'catalog-info.yaml'), 'utf8'));
    expect(written).toEqual({ ...entity, metadata: { name: 'svc', annotations: { a: 'b', 'backstage.io/source-template': 'template:default/demo' } } });
  });

  it('writes to filePath inside the workspace only', async () => {
    await h.run(catalogWriteAction, { entity, filePath: 'deploy/catalog.yaml' });
    expect(parse(await readFile(join(h.workspace, 'deploy/catalog.yaml'), 'utf8'))).toEqual(entity);
    await expect(h.run(catalogWriteAction, { entity, filePath: '../../catalog.yaml' })).rejects.toThrow(
      /filePath "..\/..\/catalog.yaml" is outside the workspace/,
    );
    await expect(h.run(catalogWriteAction, {})).rejects.toThrow(/input\.entity/);
  });
});

describe('catalog:fetch', () => {
  const stored = { ...entity, relations: [] } as unknown as EntityWithRelations;
  const catalog = { entity: (ref: string) => (ref === 'component:default/svc' ? stored : undefined) } as CatalogReader;

  it('outputs entity and entities, with default kind and namespace, null where optional and missing', async () => {
    await h.run(catalogFetchAction, { entityRef: 'svc', defaultKind: 'Component' }, { catalog });
    expect(h.outputs.entity).toBe(stored);
    await h.run(catalogFetchAction, { entityRefs: ['component:default/svc', 'component:nope'], optional: true }, { catalog });
    expect(h.outputs.entities).toEqual([stored, null]);
  });

  it('fails on a missing entity unless optional, on a ref without kind, and without any ref', async () => {
    await expect(h.run(catalogFetchAction, { entityRef: 'component:nope' }, { catalog })).rejects.toThrow(/Entity component:nope not found/);
    await expect(h.run(catalogFetchAction, { entityRef: 'svc' }, { catalog })).rejects.toThrow(/entityRef: entity ref "svc" has no kind/);
    await expect(h.run(catalogFetchAction, {}, { catalog })).rejects.toThrow(/Missing entity reference or references/);
    await h.run(catalogFetchAction, { optional: true }, { catalog });
    expect(h.outputs).toEqual({});
  });
});
