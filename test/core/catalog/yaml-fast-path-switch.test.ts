/**
 * `catalog.yamlFastPath: false` sends every file through the full YAML reader: in parseCatalogFile,
 * in a sync pass (no parse worker either, since it only runs the fast path) and in `callboard validate`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile } from '../../../src/core/catalog/parse-catalog-file.ts';
import { parsePlainCatalogFile } from '../../../src/core/catalog/parse-plain-catalog-file.ts';
import { SyncPass, type SyncDeps } from '../../../src/usecases/sync/sync-pass.ts';
import { cli } from '../../helpers/run-cli.ts';

vi.mock('../../../src/core/catalog/parse-plain-catalog-file.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/core/catalog/parse-plain-catalog-file.ts')>();
  return { parsePlainCatalogFile: vi.fn(original.parsePlainCatalogFile) };
});

const registry = createBuiltinKindRegistry();
const COMPONENT =
  'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n';
const readTarget = async () => ({ ok: false as const, message: 'offline', transient: false });

beforeEach(() => {
  vi.mocked(parsePlainCatalogFile).mockClear();
});

describe('catalog.yamlFastPath', () => {
  it('parseCatalogFile tries the fast path by default and never when it is off, with the same answer', async () => {
    const fast = await parseCatalogFile(COMPONENT, 'a.yaml', { registry, readTarget });
    expect(parsePlainCatalogFile).toHaveBeenCalledTimes(1);
    const full = await parseCatalogFile(COMPONENT, 'a.yaml', { registry, readTarget, yamlFastPath: false });
    expect(parsePlainCatalogFile).toHaveBeenCalledTimes(1);
    expect(full).toStrictEqual(fast);
  });

  it('a sync pass with it off starts no parse worker, however many files there are', () => {
    const start = vi.fn(() => {
      throw new Error('the parse worker must not start');
    });
    const deps = { registry, clock: { now: () => new Date(0) }, parseWorker: { minFiles: 1, start } } as unknown as SyncDeps;
    expect(new SyncPass({ ...deps, yamlFastPath: false }).parseWorkerFor(1_000_000)).toBeUndefined();
    expect(() => new SyncPass(deps).parseWorkerFor(1_000_000)).toThrow('must not start');
  });

  it('callboard validate honours it from the config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'callboard-fast-path-'));
    writeFileSync(join(dir, 'catalog-info.yaml'), COMPONENT);
    writeFileSync(join(dir, 'off.yaml'), 'catalog:\n  yamlFastPath: false\n');
    expect(await cli(['validate', '--config', 'off.yaml', '.'], dir)).toMatchObject({ code: 0, out: '' });
    expect(parsePlainCatalogFile).not.toHaveBeenCalled();
    expect(await cli(['validate', '.'], dir)).toMatchObject({ code: 0, out: '' });
    expect(parsePlainCatalogFile).toHaveBeenCalledTimes(1);
  });
});
