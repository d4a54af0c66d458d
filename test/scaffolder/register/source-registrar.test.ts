import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCatalogRuntime, type CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { loadConfig, type Config } from '../../../src/config/load-config.ts';
import { InvalidInputError, NotFoundError, SourceUnavailableError } from '../../../src/core/errors.ts';
import { registrarForRuntime } from '../../../src/scaffolder/register/registrar-for-runtime.ts';
import { TestGitRemote } from '../../helpers/git-repo.ts';

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

let dir: string;
let config: Config;
let remote: TestGitRemote;
const opened: CatalogRuntime[] = [];

const open = (): CatalogRuntime => {
  const runtime = openCatalogRuntime(config);
  opened.push(runtime);
  return runtime;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'callboard-registrar-'));
  writeFileSync(join(dir, 'callboard.yaml'), 'database:\n  path: catalog.db\ncatalog:\n  sources: []\nscaffolder:\n  builtinTemplates: false\n');
  config = loadConfig({ file: join(dir, 'callboard.yaml'), env: {} });
  remote = await TestGitRemote.create('main');
  await remote.commit({ 'catalog-info.yaml': component('new-service'), 'docs/catalog-info.yaml': component('nested') });
});

afterEach(async () => {
  for (const runtime of opened.splice(0)) runtime.close();
  await remote.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('the source registrar', () => {
  it('registers a repository, syncs it before returning, and keeps it across a restart until unregistered', async () => {
    const runtime = open();
    const registrar = registrarForRuntime(runtime, config);
    const result = await registrar.register(remote.bareDir, 'user:default/ada');
    expect(result).toMatchObject({ created: true, entityRefs: ['component:default/new-service'] });
    expect(result.source).toMatchObject({ id: `registered:${remote.bareDir}`, type: 'git', url: remote.bareDir, registeredBy: 'user:default/ada' });
    // Answers at once: no pass was run besides the registration's own.
    expect(runtime.store.entity('component:default/new-service')).toBeDefined();
    expect(runtime.store.entity('component:default/nested')).toBeUndefined();
    expect(await registrar.register(remote.bareDir, 'user:default/bob')).toMatchObject({ created: false, entityRefs: ['component:default/new-service'] });
    expect(registrar.list()).toHaveLength(1);
    runtime.close();
    opened.pop();

    // A restart loads it again, and a full pass keeps its entities instead of pruning them.
    const again = open();
    expect(again.sync.sourceIds()).toEqual([result.source.id]);
    await again.sync.syncAll();
    expect(again.store.entity('component:default/new-service')).toBeDefined();

    await registrarForRuntime(again, config).unregister(result.source.id);
    expect(again.store.entity('component:default/new-service')).toBeUndefined();
    expect(again.sync.sourceIds()).toEqual([]);
    again.close();
    opened.pop();
    expect(open().sync.sourceIds()).toEqual([]);
  });

  it('a pass of another process sharing the database picks registrations up instead of pruning them', async () => {
    const server = open();
    const cli = open();
    const { source } = await registrarForRuntime(cli, config).register(remote.bareDir, 'cli');
    await server.sync.syncAll();
    expect(server.sync.sourceIds()).toEqual([source.id]);
    expect(server.store.entity('component:default/new-service')).toBeDefined();
    await registrarForRuntime(cli, config).unregister(source.id);
    await server.sync.syncAll();
    expect(server.sync.sourceIds()).toEqual([]);
    expect(server.store.entity('component:default/new-service')).toBeUndefined();
  });

  it('registers one file of a branch from a …/blob/<branch>/<path> URL', async () => {
    const runtime = open();
    const url = `${pathToFileURL(remote.bareDir).href}/blob/main/docs/catalog-info.yaml`;
    const result = await registrarForRuntime(runtime, config).register(url, 'cli');
    expect(result.entityRefs).toEqual(['component:default/nested']);
    expect(result.source.id).toBe(`registered:${remote.bareDir}#main:docs/catalog-info.yaml`);
  });

  it('takes a path on the server from the CLI but not from Slack, and stores nothing then', async () => {
    const runtime = open();
    const registrar = registrarForRuntime(runtime, config);
    await expect(registrar.register(remote.bareDir, 'user:default/ada', { origin: 'slack' })).rejects.toThrow(/path on the Callboard server/);
    expect(registrar.list()).toEqual([]);
    expect(runtime.sync.sourceIds()).toEqual([]);
    expect(await registrar.register(remote.bareDir, 'cli', { origin: 'cli' })).toMatchObject({ created: true });
  });

  it('stores nothing when the URL is bad or cannot be read, and says so', async () => {
    const runtime = open();
    const registrar = registrarForRuntime(runtime, config);
    await expect(registrar.register('not/absolute', 'cli')).rejects.toThrow(InvalidInputError);
    const url = `${pathToFileURL(remote.bareDir).href}/blob/no-such-branch/catalog-info.yaml`;
    const error = await registrar.register(url, 'cli').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toMatch(/Registered nothing: .* cannot be read .*no-such-branch/);
    expect(registrar.list()).toEqual([]);
    expect(runtime.sync.sourceIds()).toEqual([]);
    expect(runtime.store.sourceStatuses().map((status) => status.id)).toEqual([]);
  });

  it('refuses to unregister what is not registered, naming what is', async () => {
    const runtime = open();
    const registrar = registrarForRuntime(runtime, config);
    await registrar.register(remote.bareDir, 'cli');
    await expect(registrar.unregister('registered:nope')).rejects.toThrow(NotFoundError);
    await expect(registrar.unregister('registered:nope')).rejects.toThrow(`registered: registered:${remote.bareDir}`);
  });
});
