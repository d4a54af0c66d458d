import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SourceReadout } from '../../../src/core/ports.ts';
import { SyncHarness, component, group, offlineUrlReader } from '../../helpers/sync-harness.ts';

let harness: SyncHarness;
afterEach(() => harness?.close());

describe('runSyncPass: last good state', () => {
  it('adds entities with relations in both directions, then skips an unchanged source', async () => {
    harness = new SyncHarness();
    harness.write('team.yaml', group('team-a'));
    harness.write('svc.yaml', component('checkout', { dependsOn: ['component:payments'] }));
    harness.write('pay.yaml', component('payments'));
    const first = await harness.sync();
    expect(first).toMatchObject({ added: 3, updated: 0, removed: 0, errors: 0 });
    expect(harness.store.entity('group:default/team-a')!.relations).toEqual([
      { type: 'ownerOf', targetRef: 'component:default/checkout' },
      { type: 'ownerOf', targetRef: 'component:default/payments' },
    ]);
    expect(harness.store.entity('component:default/payments')!.relations).toContainEqual({ type: 'dependencyOf', targetRef: 'component:default/checkout' });
    const second = await harness.sync();
    expect(second.sources[0]).toMatchObject({ outcome: 'unchanged', filesRead: 0 });
    expect(second).toMatchObject({ added: 0, updated: 0, removed: 0 });
  });

  it('keeps the last good entities of a file that becomes unparsable, and records where it broke', async () => {
    harness = new SyncHarness();
    harness.write(
      'svc.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: checkout\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`,
    );
    await harness.sync();
    harness.write(
      'svc.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: checkout\n  description: [unclosed\nspec:\n  type: service\n`,
    );
    const summary = await harness.sync();
    expect(summary).toMatchObject({ removed: 0, updated: 0, errors: 1 });
    expect(harness.store.entity('component:default/checkout')!.spec).toMatchObject({ owner: 'team-a' });
    const [problem] = harness.store.problems({ severity: 'error' });
    expect(problem).toMatchObject({ severity: 'error', file: `${harness.root}/svc.yaml`, line: expect.any(Number), column: expect.any(Number) });

    harness.write('svc.yaml', component('checkout', { owner: 'team-b' }));
    await harness.sync();
    expect(harness.store.problems()).toEqual([expect.objectContaining({ origin: 'dangling' })]);
    expect(harness.store.entity('component:default/checkout')!.spec).toMatchObject({ owner: 'team-b' });
  });

  it('keeps only the broken entity of a multi-document file at its last good version', async () => {
    harness = new SyncHarness();
    harness.write('all.yaml', [component('a', {}, { description: 'v1' }), component('b', {}, { description: 'v1' })].join('\n---\n'));
    await harness.sync();
    harness.write(
      'all.yaml',
      [component('a', { owner: undefined, lifecycle: '' }, { description: 'v2' }), component('b', {}, { description: 'v2' })].join('\n---\n'),
    );
    const summary = await harness.sync();
    expect(summary).toMatchObject({ updated: 1, removed: 0 });
    expect(harness.store.entity('component:default/a')!.metadata.description).toBe('v1');
    expect(harness.store.entity('component:default/b')!.metadata.description).toBe('v2');
    const errors = harness.store.problems({ severity: 'error' });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.entityRef === 'component:default/a' && error.line !== undefined)).toBe(true);
  });

  it('removes the entities of a deleted file, and of a document dropped from a file', async () => {
    harness = new SyncHarness();
    harness.write('a.yaml', `${component('a')}\n---\n${component('a2')}`);
    harness.write('b.yaml', component('b'));
    await harness.sync();
    harness.remove('b.yaml');
    harness.write('a.yaml', component('a'));
    expect(await harness.sync()).toMatchObject({ removed: 2 });
    expect(harness.refs()).toEqual(['component:default/a']);
  });

  it('never loses an entity that moves between files in one pass', async () => {
    harness = new SyncHarness();
    harness.write('z-old.yaml', component('mover', {}, { description: 'old home' }));
    await harness.sync();
    harness.write('a-new.yaml', component('mover', {}, { description: 'new home' }));
    harness.write('z-old.yaml', component('other'));
    const summary = await harness.sync();
    expect(summary.errors).toBe(0);
    expect(harness.store.entity('component:default/mover')!.metadata.description).toBe('new home');
  });

  it('lets the first holder keep a conflicting ref, names both files, and hands over once released', async () => {
    harness = new SyncHarness();
    harness.write('a.yaml', component('dup', {}, { description: 'from a' }));
    harness.write('b.yaml', component('dup', {}, { description: 'from b' }));
    await harness.sync();
    expect(harness.store.entity('component:default/dup')!.metadata.description).toBe('from a');
    const [conflict] = harness.store.problems({ severity: 'error' });
    expect(conflict!.message).toContain(`${harness.root}/a.yaml`);
    expect(conflict!.message).toContain(`${harness.root}/b.yaml`);
    expect(conflict).toMatchObject({ file: `${harness.root}/b.yaml`, line: 1, entityRef: 'component:default/dup' });

    harness.write('a.yaml', component('something-else'));
    await harness.sync();
    expect(harness.store.entity('component:default/dup')!.metadata.description).toBe('from b');
    expect(harness.store.problems({ severity: 'error' })).toEqual([]);
  });

  it('keeps everything of a source that cannot be read, with a problem, until it comes back', async () => {
    harness = new SyncHarness();
    const gone = `${harness.root}/sub`;
    harness.write('sub/a.yaml', component('a'));
    harness.useSources([harness.dirSource('dir:sub', ['**/*.yaml'], gone)]);
    await harness.sync();
    harness.remove('sub');
    const summary = await harness.sync();
    expect(summary.sources[0]).toMatchObject({ outcome: 'unavailable' });
    expect(harness.refs()).toEqual(['component:default/a']);
    expect(harness.store.problems({ severity: 'error' })[0]).toMatchObject({ origin: 'source', message: expect.stringContaining('Everything it had is kept') });
    harness.write('sub/a.yaml', component('a'));
    await harness.sync();
    expect(harness.store.problems({ severity: 'error' })).toEqual([]);
  });

  it('undoes a source that fails half-way through a walk, however many of the batches read ahead fail too', async () => {
    harness = new SyncHarness();
    const api = (index: number) =>
      `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: api-${index}}\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    $text: ./spec.txt\n`;
    for (let index = 0; index < 600; index += 1) harness.write(`apis/${String(index).padStart(3, '0')}.yaml`, api(index));
    harness.write('apis/spec.txt', 'openapi: 3.0.0\n');
    await harness.sync();
    // The disk goes away while the next walk checks what each file pulled in through `$text`.
    const dir = harness.dirSource();
    const failing = {
      id: dir.id,
      type: dir.type,
      open: async (previous: Parameters<typeof dir.open>[0]) => {
        const readout = await dir.open(previous);
        const readFile = (path: string) => (path.endsWith('spec.txt') ? Promise.reject(new Error('EIO: disk gone')) : readout.readFile(path));
        return Object.assign(Object.create(readout) as typeof readout, { readFile });
      },
    };
    harness.write('new.yaml', component('newcomer'));
    harness.useSources([failing]);
    const summary = await harness.sync();
    expect(summary.sources[0]).toMatchObject({ outcome: 'unavailable', message: expect.stringContaining('EIO: disk gone') });
    expect(harness.refs()).toHaveLength(600);
    expect(harness.refs()).not.toContain('component:default/newcomer');
  });

  it('closes a source whose walk failed only once the reads it had started have ended', async () => {
    harness = new SyncHarness();
    const api = (index: number) =>
      `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: {name: api-${index}}\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    $text: ./${index}.txt\n`;
    for (let index = 0; index < 600; index += 1) {
      harness.write(`apis/${String(index).padStart(3, '0')}.yaml`, api(index));
      harness.write(`apis/${index}.txt`, 'openapi: 3.0.0\n');
    }
    await harness.sync();
    const dir = harness.dirSource();
    let reading = 0;
    let readingAtClose: number | undefined;
    const slowAndFailing = {
      id: dir.id,
      type: dir.type,
      open: async (previous: Parameters<typeof dir.open>[0]) => {
        const readout = await dir.open(previous);
        const readFile = async (path: string) => {
          if (path === 'apis/0.txt') throw new Error('EIO: first file');
          reading += 1;
          try {
            // Two reads of the failing batch itself are the slowest of all.
            await new Promise((resolve) => setTimeout(resolve, path === 'apis/1.txt' || path === 'apis/2.txt' ? 200 : 5));
            return await readout.readFile(path);
          } finally {
            reading -= 1;
          }
        };
        const close = async () => {
          readingAtClose = reading;
          await readout.close();
        };
        return Object.assign(Object.create(readout) as typeof readout, { readFile, close });
      },
    };
    // Checking what each file pulled in through `$text` fails at once for the first file, slowly for none of the rest.
    harness.write('new.yaml', component('newcomer'));
    harness.useSources([slowAndFailing]);
    const summary = await harness.sync();
    expect(summary.sources[0]).toMatchObject({ outcome: 'unavailable', message: expect.stringContaining('EIO: first file') });
    expect(readingAtClose).toBe(0);
    expect(harness.refs()).toHaveLength(600);
  });

  it('drops the entities of a source removed from the configuration', async () => {
    harness = new SyncHarness();
    harness.write('one/a.yaml', component('a'));
    harness.write('two/b.yaml', component('b'));
    harness.useSources([
      harness.dirSource('dir:one', ['**/*.yaml'], `${harness.root}/one`),
      harness.dirSource('dir:two', ['**/*.yaml'], `${harness.root}/two`),
    ]);
    await harness.sync();
    harness.useSources([harness.dirSource('dir:one', ['**/*.yaml'], `${harness.root}/one`)]);
    expect(await harness.sync()).toMatchObject({ removed: 1 });
    expect(harness.refs()).toEqual(['component:default/a']);
  });
});

describe('runSyncPass: locations and placeholders', () => {
  it('rejects a Location target that names a folder, and still follows the other targets', async () => {
    harness = new SyncHarness();
    harness.useSources([harness.dirSource('dir:test', ['catalog-info.yaml'])]);
    harness.write(
      'catalog-info.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets:\n    - ./teams/\n    - ./a.yaml\n`,
    );
    harness.write('a.yaml', component('a'));
    harness.write('teams/catalog-info.yaml', group('team-a'));
    await harness.sync();
    expect(harness.refs().sort()).toEqual(['component:default/a', 'location:default/root']);
    expect(harness.store.problems({ severity: 'error' })).toEqual([
      expect.objectContaining({
        line: 7,
        column: 7,
        entityRef: 'location:default/root',
        message: expect.stringContaining('"./teams/" ends with a path separator'),
      }),
    ]);
  });

  it('expands glob targets as Backstage does, and notices files a glob matches later', async () => {
    harness = new SyncHarness();
    harness.useSources([harness.dirSource('dir:test', ['catalog-info.yaml'])]);
    const location = (targets: string[], presence = 'required') =>
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  presence: ${presence}\n  targets:\n${targets.map((target) => `    - ${target}\n`).join('')}`;
    harness.write('catalog-info.yaml', location(['./services/*/catalog-info.yaml', './apis/**/*.yaml']));
    harness.write('services/a/catalog-info.yaml', component('a'));
    harness.write('services/b/catalog-info.yaml', component('b'));
    harness.write('services/b/deeper/catalog-info.yaml', component('too-deep'));
    harness.write('services/.hidden/catalog-info.yaml', component('hidden'));
    harness.write('services/c/other.yaml', component('other-name'));
    harness.write('apis/x/y/api.yaml', component('deep-api'));
    const first = await harness.sync();
    expect(first.errors).toBe(0);
    expect(harness.refs().sort()).toEqual(['component:default/a', 'component:default/b', 'component:default/deep-api', 'location:default/root']);

    // Neither the listed file nor any file read so far changed: only the glob can tell.
    harness.write('services/d/catalog-info.yaml', component('d'));
    await harness.sync();
    expect(harness.refs()).toContain('component:default/d');

    harness.remove('services/a');
    await harness.sync();
    expect(harness.refs()).not.toContain('component:default/a');

    harness.write('catalog-info.yaml', location(['./nothing/*.yaml']));
    await harness.sync();
    expect(harness.refs()).toEqual(['location:default/root']);
    expect(harness.store.problems({ severity: 'error' })).toEqual([
      expect.objectContaining({
        origin: 'target',
        line: 8,
        column: 7,
        entityRef: 'location:default/root',
        message: `Location target ${harness.root}/nothing/*.yaml matches no files`,
      }),
    ]);
    harness.write('catalog-info.yaml', location(['./nothing/*.yaml'], 'optional'));
    await harness.sync();
    expect(harness.store.problems({ severity: 'error' })).toEqual([]);
  });

  it('reads what a glob matches at the place of the glob among the targets, which decides a conflict', async () => {
    harness = new SyncHarness();
    harness.useSources([harness.dirSource('dir:test', ['catalog-info.yaml'])]);
    harness.write(
      'catalog-info.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets:\n    - ./globbed/*.yaml\n    - ./plain.yaml\n`,
    );
    harness.write('globbed/x.yaml', component('x', {}, { description: 'from the glob' }));
    harness.write('plain.yaml', component('x', {}, { description: 'from the plain target' }));
    await harness.sync();
    expect(harness.store.entity('component:default/x')!.metadata.description).toBe('from the glob');
    expect(harness.store.problems({ severity: 'error' })).toEqual([
      expect.objectContaining({ file: `${harness.root}/plain.yaml`, message: expect.stringContaining(`${harness.root}/globbed/x.yaml`) }),
    ]);
  });

  it('does not follow a glob whose fixed folder is a symlink out of the source, or inside node_modules', async () => {
    harness = new SyncHarness();
    const outside = mkdtempSync(join(tmpdir(), 'callboard-outside-'));
    try {
      writeFileSync(join(outside, 'secret.yaml'), component('from-outside'));
      harness.useSources([harness.dirSource('dir:test', ['catalog-info.yaml'])]);
      harness.write(
        'catalog-info.yaml',
        `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets:\n    - ./linked/*.yaml\n    - ./real/*.yaml\n    - ./node_modules/some-lib/*.yaml\n`,
      );
      harness.write('real/inside.yaml', component('inside'));
      harness.write('node_modules/some-lib/vendored.yaml', component('vendored'));
      symlinkSync(outside, join(harness.root, 'linked'));
      await harness.sync();
      expect(harness.refs().sort()).toEqual(['component:default/inside', 'location:default/root']);
      // Not even the names of files out there show up, as "does not exist" or otherwise.
      expect(harness.store.problems({ severity: 'error' })).toEqual([
        expect.objectContaining({ message: `Location target ${harness.root}/linked/*.yaml matches no files` }),
        expect.objectContaining({ message: `Location target ${harness.root}/node_modules/some-lib/*.yaml matches no files` }),
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports a glob target in a source that cannot expand one', async () => {
    harness = new SyncHarness();
    const dir = harness.dirSource('dir:test', ['catalog-info.yaml']);
    const withoutGlobs = {
      id: dir.id,
      type: dir.type,
      open: async (previous: Parameters<typeof dir.open>[0]) =>
        Object.assign(Object.create(await dir.open(previous)) as SourceReadout, { findFiles: undefined }),
    };
    harness.useSources([withoutGlobs]);
    harness.write('catalog-info.yaml', `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  target: ./services/*.yaml\n`);
    harness.write('services/a.yaml', component('a'));
    await harness.sync();
    expect(harness.refs()).toEqual(['location:default/root']);
    expect(harness.store.problems({ severity: 'error' })).toEqual([
      expect.objectContaining({ line: 6, message: expect.stringContaining('"./services/*.yaml" is a glob, which a dir source cannot expand') }),
    ]);
  });

  it('follows Location targets relative to the file, reading a file reached twice once', async () => {
    harness = new SyncHarness();
    harness.useSources([harness.dirSource('dir:test', ['catalog-info.yaml', 'services/**/catalog-info.yaml'])]);
    harness.write(
      'catalog-info.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets:\n    - ./org/teams.yaml\n    - ./services/a/catalog-info.yaml\n`,
    );
    harness.write(
      'org/teams.yaml',
      `${group('team-a')}\n---\napiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: nested\nspec:\n  target: ../more/extra.yaml\n`,
    );
    harness.write('more/extra.yaml', component('extra'));
    harness.write('services/a/catalog-info.yaml', component('a'));
    const summary = await harness.sync();
    expect(summary.errors).toBe(0);
    expect(harness.refs().sort()).toEqual([
      'component:default/a',
      'component:default/extra',
      'group:default/team-a',
      'location:default/nested',
      'location:default/root',
    ]);
    expect(summary.sources[0]!.filesRead).toBe(4);

    harness.remove('more/extra.yaml');
    await harness.sync();
    expect(harness.refs()).not.toContain('component:default/extra');
    expect(harness.store.problems({ severity: 'error' })).toEqual([
      expect.objectContaining({
        origin: 'target',
        file: `${harness.root}/org/teams.yaml`,
        line: expect.any(Number),
        message: expect.stringContaining('does not exist'),
      }),
    ]);
  });

  it('substitutes $text from a file beside the YAML and re-reads the entity when only that file changes', async () => {
    harness = new SyncHarness(undefined);
    harness.useSources([harness.dirSource('dir:test', ['**/catalog-info.yaml'])]);
    const api = `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: pets\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    $text: ./openapi.yaml\n`;
    harness.write('pets/catalog-info.yaml', api);
    harness.write('pets/openapi.yaml', 'openapi: 3.0.0\ninfo: {title: v1}\n');
    await harness.sync();
    expect(harness.store.entity('api:default/pets')!.spec!.definition).toContain('v1');
    harness.write('pets/openapi.yaml', 'openapi: 3.0.0\ninfo: {title: v2}\n');
    expect(await harness.sync()).toMatchObject({ updated: 1 });
    expect(harness.store.entity('api:default/pets')!.spec!.definition).toContain('v2');
  });

  it('reports an unreachable $text URL on its file without failing the pass, and retries it', async () => {
    const reads: string[] = [];
    const unreachable = offlineUrlReader();
    harness = new SyncHarness(undefined, { readText: (url) => (reads.push(url), unreachable.readText(url)) });
    harness.write(
      'api.yaml',
      `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: remote\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-a\n  definition:\n    $text: https://example.invalid/openapi.yaml\n`,
    );
    harness.write('b.yaml', component('b'));
    const summary = await harness.sync();
    expect(harness.refs()).toEqual(['component:default/b']);
    expect(summary.errors).toBe(1);
    expect(harness.store.problems({ severity: 'error' })[0]!.message).toContain('https://example.invalid/openapi.yaml');
    expect((await harness.sync()).sources[0]!.outcome).toBe('synced');
    expect(reads).toEqual(['https://example.invalid/openapi.yaml', 'https://example.invalid/openapi.yaml']);
  });
});

describe('runSyncPass: dangling refs', () => {
  it('records refs to missing entities as warnings that clear when the target appears', async () => {
    harness = new SyncHarness();
    harness.write('a.yaml', component('a', { owner: 'ghosts', dependsOn: ['resource:db'] }));
    await harness.sync();
    expect(harness.store.problems({ severity: 'warning' }).map((p) => p.message)).toEqual([
      expect.stringContaining('group:default/ghosts'),
      expect.stringContaining('resource:default/db'),
    ]);
    harness.write('g.yaml', group('ghosts'));
    await harness.sync();
    expect(harness.store.problems({ severity: 'warning' }).map((p) => p.message)).toEqual([expect.stringContaining('resource:default/db')]);
  });

  it('places the warning at the document of the entity that holds the ref, and follows the document when it moves', async () => {
    harness = new SyncHarness();
    const a = component('a', { owner: 'ops', dependsOn: ['resource:db'] });
    harness.write('all.yaml', [group('ops'), a].join('\n---\n'));
    await harness.sync();
    expect(harness.store.problems({ severity: 'warning' })).toEqual([expect.objectContaining({ entityRef: 'component:default/a', line: 3, column: 1 })]);
    // A document added above it: same entity, same content, new place.
    harness.write('all.yaml', [group('ops'), group('more'), a].join('\n---\n'));
    await harness.sync();
    expect(harness.store.problems({ severity: 'warning' })).toEqual([expect.objectContaining({ entityRef: 'component:default/a', line: 5, column: 1 })]);
  });
});
