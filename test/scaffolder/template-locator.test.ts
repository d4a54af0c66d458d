import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config, SourceConfig } from '../../src/config/load-config.ts';
import { InvalidInputError, NotFoundError } from '../../src/core/errors.ts';
import type { EntityOrigin } from '../../src/core/ports.ts';
import { createTemplateLocator } from '../../src/scaffolder/template-locator.ts';
import { cacheFolderFor, createSource } from '../../src/sources/create-sources.ts';
import { mirrorFolderName } from '../../src/sources/git-source.ts';
import { runTestGit, TestGitRemote } from '../helpers/git-repo.ts';

const execFileAsync = promisify(execFile);

let base: string;
beforeEach(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'callboard-locator-')));
});
afterEach(() => rm(base, { recursive: true, force: true }));

const configWith = (sources: SourceConfig[]): Config =>
  ({
    catalog: { sources, cacheDir: join(base, 'cache') },
    github: {},
    scaffolder: { builtinTemplates: false, templatesDir: join(base, 'none') },
  }) as unknown as Config;
const catalogWith = (origins: Record<string, EntityOrigin>) => ({ entityOrigin: (ref: string) => origins[ref] });

describe('createTemplateLocator with a dir source', () => {
  let root: string;
  beforeEach(async () => {
    root = join(base, 'catalog');
    await mkdir(join(root, 'templates/demo/skeleton'), { recursive: true });
    await mkdir(join(root, 'shared'));
    await writeFile(join(root, 'templates/demo/template.yaml'), 'kind: Template');
    await writeFile(join(root, 'templates/demo/skeleton/README.md'), '# ${{ values.name }}');
    await mkdir(join(base, 'secret'));
    await symlink(join(base, 'secret'), join(root, 'templates/demo/escape'));
  });
  const locator = () =>
    createTemplateLocator({
      catalog: catalogWith({ 'template:default/demo': { sourceId: 'dir:catalog', path: 'templates/demo/template.yaml', version: 'abc' } }),
      config: configWith([{ type: 'dir', id: 'dir:catalog', path: root, patterns: ['**/*.yaml'] }]),
    });

  it("opens the template's folder, resolving relative urls inside the source, by any spelling of the ref", async () => {
    const location = await locator().open('Template:default/demo');
    expect(location.templateDir).toBe(join(root, 'templates/demo'));
    expect(location.sourceRoot).toBe(root);
    expect(await location.resolve('./skeleton')).toBe(join(root, 'templates/demo/skeleton'));
    expect(await location.resolve('../../shared')).toBe(join(root, 'shared'));
    expect(await (await locator().open('demo')).resolve('skeleton/README.md')).toBe(join(root, 'templates/demo/skeleton/README.md'));
  });

  it('refuses urls that leave the source, by .., absolute path, symlink, or a URL of another place', async () => {
    const location = await locator().open('template:default/demo');
    await expect(location.resolve('../../../secret')).rejects.toThrow(/url "..\/..\/..\/secret" is outside the template's source/);
    await expect(location.resolve('/etc')).rejects.toThrow(/is an absolute path/);
    await expect(location.resolve('./escape')).rejects.toThrow(/leads through a symlink outside the template's source/);
    await expect(location.resolve('https://github.com/backstage/community/tree/main/x')).rejects.toThrow(InvalidInputError);
  });

  it('says what is wrong when the template or its source is unknown', async () => {
    await expect(locator().open('template:default/nope')).rejects.toThrow(NotFoundError);
    const orphan = createTemplateLocator({
      catalog: catalogWith({ 'template:default/demo': { sourceId: 'dir:gone', path: 'template.yaml' } }),
      config: configWith([]),
    });
    await expect(orphan.open('template:default/demo')).rejects.toThrow(/source "dir:gone" .* is no longer configured/);
  });

  it('finds a registered source by id', async () => {
    const registered = createTemplateLocator({
      catalog: catalogWith({ 'template:default/demo': { sourceId: 'registered:x', path: 'templates/demo/template.yaml' } }),
      config: configWith([]),
      registeredSources: { find: (id) => (id === 'registered:x' ? { config: { type: 'dir', id, path: root, patterns: ['*'] } } : undefined) },
    });
    expect((await registered.open('template:default/demo')).templateDir).toBe(join(root, 'templates/demo'));
  });
});

describe('createTemplateLocator with a git source', () => {
  let remote: TestGitRemote;
  beforeEach(async () => {
    remote = await TestGitRemote.create();
  });
  afterEach(() => remote.cleanup());

  it('checks out the commit the catalog holds, lazily adds other paths, and removes the checkout on release', async () => {
    const first = await remote.commit({
      'templates/demo/template.yaml': 'kind: Template',
      'templates/demo/skeleton/README.md': 'first',
      'shared/notes.md': 'shared',
      'other/big.txt': 'not needed',
    });
    const source: SourceConfig = { type: 'git', id: 'git:templates', url: remote.url, patterns: ['**/template.yaml'] };
    const config = configWith([source]);
    const readout = await createSource(source, config).open({});
    expect(readout.version).toBe(first);
    await readout.close();
    await remote.commit({ 'templates/demo/skeleton/README.md': 'second' });
    await (await createSource(source, config).open({ version: first })).close();

    const scratchDir = join(base, 'scratch');
    const locator = createTemplateLocator({
      catalog: catalogWith({ 'template:default/demo': { sourceId: 'git:templates', path: 'templates/demo/template.yaml', version: first } }),
      config,
      scratchDir,
    });
    const location = await locator.open('template:default/demo');
    expect(await readFile(join(await location.resolve('./skeleton'), 'README.md'), 'utf8')).toBe('first');
    expect(await readdir(location.sourceRoot)).toEqual(['templates']);
    expect(await readFile(await location.resolve('../../shared/notes.md'), 'utf8')).toBe('shared');
    await expect(location.resolve('../../../outside')).rejects.toThrow(/outside the template's source/);
    expect((await readdir(location.sourceRoot)).sort()).toEqual(['shared', 'templates']);
    await location.release();
    expect(await readdir(scratchDir)).toEqual([]);
  });

  it("maps a github.com URL of the source's own repository and branch to its path, and refuses other URLs", async () => {
    const commit = await remote.commit({ 'templates/demo/template.yaml': 'kind: Template', 'shared/notes.md': 'shared' });
    const source: SourceConfig = { type: 'git', id: 'git:gh', url: 'https://github.com/acme/templates.git', branch: 'main', patterns: ['**/template.yaml'] };
    // The mirror GitSource would have fetched from github.com, filled from the local remote instead.
    const gitDir = join(cacheFolderFor(join(base, 'cache'), source.id), mirrorFolderName(source));
    await runTestGit(base, ['init', '--quiet', '--bare', gitDir]);
    await runTestGit(base, ['--git-dir', gitDir, 'fetch', '--quiet', remote.url, '+refs/heads/main:refs/callboard/main']);
    const locator = createTemplateLocator({
      catalog: catalogWith({ 'template:default/demo': { sourceId: 'git:gh', path: 'templates/demo/template.yaml', version: commit } }),
      config: configWith([source]),
      scratchDir: join(base, 'scratch'),
    });
    const location = await locator.open('template:default/demo');
    expect(await readFile(await location.resolve('https://github.com/acme/templates/blob/main/shared/notes.md'), 'utf8')).toBe('shared');
    expect(await location.resolve('https://github.com/acme/templates/tree/main/shared')).toBe(join(location.sourceRoot, 'shared'));
    await expect(location.resolve('https://github.com/acme/templates/tree/other-branch/shared')).rejects.toThrow(/is not inside the template's own source/);
    await expect(location.resolve('https://github.com/acme/elsewhere/tree/main/shared')).rejects.toThrow(/is not inside the template's own source/);
    await expect(location.resolve('https://github.com/acme/templates/tree/main/../../x')).rejects.toThrow(InvalidInputError);
    await location.release();
  });

  it('says to sync when the commit is not in the mirror', async () => {
    await remote.commit({ 'templates/demo/template.yaml': 'kind: Template' });
    const source: SourceConfig = { type: 'git', id: 'git:templates', url: remote.url, patterns: ['**/template.yaml'] };
    const config = configWith([source]);
    await (await createSource(source, config).open({})).close();
    const locator = createTemplateLocator({
      catalog: catalogWith({ 'template:default/demo': { sourceId: 'git:templates', path: 'templates/demo/template.yaml', version: 'f'.repeat(40) } }),
      config,
      scratchDir: join(base, 'scratch'),
    });
    await expect(locator.open('template:default/demo')).rejects.toThrow(/is no longer in the local mirror .* run callboard sync/);
  });
});

describe('createTemplateLocator with a github organisation source', () => {
  let server: Server;
  let apiUrl: string;
  const requests: string[] = [];

  beforeEach(async () => {
    const repo = join(base, 'acme-templates-0123abc');
    await mkdir(join(repo, 'templates/demo/skeleton'), { recursive: true });
    await writeFile(join(repo, 'templates/demo/template.yaml'), 'kind: Template');
    await writeFile(join(repo, 'templates/demo/skeleton/README.md'), 'from github');
    await execFileAsync('tar', ['-czf', join(base, 'repo.tar.gz'), '-C', base, 'acme-templates-0123abc']);
    const tarball = await readFile(join(base, 'repo.tar.gz'));
    requests.length = 0;
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
      if (request.url === '/repos/acme/templates/tarball') {
        response.writeHead(302, { location: `${apiUrl}/codeload/acme/templates/legacy.tar.gz/main` }).end();
      } else if (request.url === '/codeload/acme/templates/legacy.tar.gz/main') {
        response.writeHead(200, { 'content-type': 'application/x-gzip' }).end(tarball);
      } else {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const locatorFor = (path: string) =>
    createTemplateLocator({
      catalog: catalogWith({ 'template:default/demo': { sourceId: 'github:acme', path, version: 'digest' } }),
      config: {
        ...configWith([{ type: 'github', id: 'github:acme', org: 'acme', catalogPath: '/catalog-info.yaml' }]),
        github: { apiUrl, token: 'ghs_test' },
      } as unknown as Config,
      scratchDir: join(base, 'scratch'),
    });

  it("unpacks the repository's tarball and opens the template's folder in it", async () => {
    const location = await locatorFor('templates/templates/demo/template.yaml').open('template:default/demo');
    expect(await readFile(join(await location.resolve('./skeleton'), 'README.md'), 'utf8')).toBe('from github');
    await expect(location.resolve('../../..')).rejects.toThrow(/outside the template's source/);
    expect(requests[0]).toBe('GET /repos/acme/templates/tarball token ghs_test');
    await location.release();
    expect(await readdir(join(base, 'scratch'))).toEqual([]);
  });

  it('says when the repository is gone', async () => {
    await expect(locatorFor('gone/template.yaml').open('template:default/demo')).rejects.toThrow(/GitHub repository acme\/gone no longer exists/);
  });
});
