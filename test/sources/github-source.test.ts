import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceReadout } from '../../src/core/ports.ts';
import { GithubSource, type GithubSourceOptions } from '../../src/sources/github-source.ts';
import { GithubApiServer } from '../fakes/github-api-server.ts';
import type { FakeRepoInput } from '../helpers/github-fake-data.ts';

const token = 'ghs_callboardTestToken';
let server: GithubApiServer;

/** 250 repositories: every 10th has no catalog file, every 25th is archived, two are named archived-*. */
function createRepos(): FakeRepoInput[] {
  const repos = Array.from({ length: 248 }, (_, i): FakeRepoInput => {
    const name = `svc-${String(i).padStart(3, '0')}`;
    const files: Record<string, string> =
      i % 10 === 5 ? { 'README.md': '# no catalog' } : { 'catalog-info.yaml': `metadata:\n  name: ${name}\n`, 'docs/api.yaml': `api of ${name}` };
    return { name, archived: i % 25 === 7, files };
  });
  repos.push({ name: 'archived-old', files: { 'catalog-info.yaml': 'old' } }, { name: 'archived-older', files: { 'catalog-info.yaml': 'older' } });
  return repos;
}

function createSource(options: Partial<GithubSourceOptions> = {}): GithubSource {
  return new GithubSource({ id: 'github:acme', org: 'acme', token, apiBaseUrl: server.apiBaseUrl, ...options });
}

const listingPaths = (): string[] => server.requests.filter((r) => r.path.includes('/repos?')).map((r) => r.path);
const statuses = (): number[] => [...new Set(server.requests.map((r) => r.status))].sort();

beforeEach(async () => {
  server = await GithubApiServer.start({ token, orgs: { acme: createRepos() } });
});

afterEach(async () => {
  await server.stop();
});

describe('GithubSource discovery', () => {
  it('pages through the organisation, skipping archived, filtered and catalog-less repositories', async () => {
    const readout = await createSource({ repoFilter: '^(?!archived-)' }).open({});
    const orgId = server.data.findOrg('acme')?.id;
    expect(listingPaths()).toEqual([
      '/orgs/acme/repos?per_page=100',
      `/organizations/${orgId}/repos?per_page=100&page=2`,
      `/organizations/${orgId}/repos?per_page=100&page=3`,
    ]);
    const files = await readout.listFiles();
    const expected = Array.from({ length: 248 }, (_, i) => i).filter((i) => i % 10 !== 5 && i % 25 !== 7);
    expect(files.map((f) => f.path)).toEqual(expected.map((i) => `svc-${String(i).padStart(3, '0')}/catalog-info.yaml`));
    expect(files[0]?.hash).toBe(server.blobSha('metadata:\n  name: svc-000\n'));
    expect(server.requests.every((r) => !r.path.includes('archived-') && !r.path.includes('svc-007/'))).toBe(true);
    expect(statuses()).toEqual([200, 404]);
  });

  it('re-opens an unchanged organisation with 304s only, without spending rate limit', async () => {
    const source = createSource();
    const first = await source.open({});
    const remaining = server.rate.remaining;
    server.clearRequests();
    const again = await source.open({ version: first.version, state: JSON.parse(JSON.stringify(first.state)) });
    expect(again.version).toBe(first.version);
    expect(await again.listFiles()).toEqual(await first.listFiles());
    expect(statuses()).toEqual([304]);
    expect(server.rate.remaining).toBe(remaining);
    // Repositories without a catalog file are not asked again while nothing was pushed to them.
    expect(server.requests.some((r) => r.path.startsWith('/repos/acme/svc-005/'))).toBe(false);
    expect(server.requests.every((r) => r.ifNoneMatch !== undefined)).toBe(true);
  });

  it('detects a changed, an added and a deleted catalog file', async () => {
    const source = createSource();
    const first = await source.open({});
    server.data.setFile('acme', 'svc-001', 'catalog-info.yaml', 'metadata:\n  name: changed\n');
    server.data.setFile('acme', 'svc-005', 'catalog-info.yaml', 'metadata:\n  name: added\n');
    server.data.setFile('acme', 'svc-002', 'catalog-info.yaml', null);
    server.clearRequests();
    const second = await source.open({ version: first.version, state: first.state });
    expect(second.version).not.toBe(first.version);
    const hashes = new Map((await second.listFiles()).map((f) => [f.path, f.hash]));
    expect(hashes.get('svc-001/catalog-info.yaml')).toBe(server.blobSha('metadata:\n  name: changed\n'));
    expect(hashes.has('svc-005/catalog-info.yaml')).toBe(true);
    expect(hashes.has('svc-002/catalog-info.yaml')).toBe(false);
    expect((await second.readFile('svc-001/catalog-info.yaml'))?.content.toString()).toBe('metadata:\n  name: changed\n');
    const costly = server.requests.filter((r) => r.status !== 304).map((r) => r.path.split('?')[0]);
    expect(costly).toEqual(expect.arrayContaining(['/repos/acme/svc-001/contents/catalog-info.yaml', '/repos/acme/svc-005/contents/catalog-info.yaml']));
    expect(costly.filter((path) => path?.includes('/contents/'))).toHaveLength(3);
  });
});

describe('GithubSource readout', () => {
  let readout: SourceReadout;
  beforeEach(async () => {
    const first = await createSource().open({});
    readout = await createSource().open({ version: first.version, state: first.state });
    server.clearRequests();
  });

  it('reads other files of a repository, and a catalog file whose content was not re-sent', async () => {
    expect((await readout.readFile('svc-003/docs/api.yaml'))?.content.toString()).toBe('api of svc-003');
    const catalog = await readout.readFile('svc-003/catalog-info.yaml');
    expect(catalog?.hash).toBe((await readout.listFiles()).find((f) => f.path === 'svc-003/catalog-info.yaml')?.hash);
    expect(server.requests.map((r) => r.accept)).toEqual(['application/vnd.github.raw', 'application/vnd.github.raw']);
    expect(await readout.readFile('svc-003/docs/missing.yaml')).toBeUndefined();
    expect(await readout.readFile('svc-003/docs')).toBeUndefined();
    expect(await readout.readFile('no-such-repo/catalog-info.yaml')).toBeUndefined();
    expect(await readout.readFile('svc-007/catalog-info.yaml')).toBeUndefined();
  });

  it('resolves targets within a repository and maps its github.com URLs back to paths', () => {
    const from = 'svc-003/catalog-info.yaml';
    expect(readout.resolve(from, './docs/api.yaml')).toEqual({ path: 'svc-003/docs/api.yaml' });
    expect(readout.resolve(from, '/docs/api.yaml')).toEqual({ path: 'svc-003/docs/api.yaml' });
    expect(readout.resolve(from, '../svc-004/catalog-info.yaml')).toEqual({
      error: 'target "../svc-004/catalog-info.yaml" resolves outside the repository acme/svc-003',
    });
    expect(readout.resolve(from, 'https://github.com/acme/svc-004/blob/main/docs/api.yaml')).toEqual({ path: 'svc-004/docs/api.yaml' });
    expect(readout.resolve(from, 'https://github.com/acme/svc-004/blob/v2/x.yaml')).toEqual({ url: 'https://github.com/acme/svc-004/blob/v2/x.yaml' });
    expect(readout.resolve(from, 'https://github.com/other/svc-004/blob/main/x.yaml')).toEqual({ url: 'https://github.com/other/svc-004/blob/main/x.yaml' });
    expect(readout.resolve(from, 'https://example.com/x.yaml')).toEqual({ url: 'https://example.com/x.yaml' });
    expect(readout.displayPath(from)).toBe('https://github.com/acme/svc-003/blob/main/catalog-info.yaml');
    expect(readout.urlOf?.('')).toBe('https://github.com/acme');
    expect(readout.versionCoversEveryFile).toBe(false);
    expect(readout.urlOf?.('svc-003/docs/a b.yaml')).toBe('https://github.com/acme/svc-003/blob/main/docs/a%20b.yaml');
    expect(readout.editUrlOf?.('svc-003/docs/a b.yaml')).toBe('https://github.com/acme/svc-003/edit/main/docs/a%20b.yaml');
    expect(readout.editUrlOf?.('')).toBeUndefined();
  });
});

describe('GithubSource on GitHub Enterprise Server', () => {
  it('uses apiBaseUrl for the API and html_url for links', async () => {
    const enterprise = await GithubApiServer.start({
      token,
      enterprise: true,
      orgs: { platform: [{ name: 'billing', defaultBranch: 'trunk', files: { 'catalog/catalog-info.yaml': 'x', 'catalog/api.yaml': 'y' } }] },
    });
    try {
      const source = new GithubSource({ id: 'ghe', org: 'platform', catalogPath: 'catalog/catalog-info.yaml', token, apiBaseUrl: enterprise.apiBaseUrl });
      const readout = await source.open({});
      expect(enterprise.apiBaseUrl).toMatch(/\/api\/v3$/);
      expect((await readout.listFiles()).map((f) => f.path)).toEqual(['billing/catalog/catalog-info.yaml']);
      const url = `${enterprise.htmlBaseUrl}/platform/billing/blob/trunk/catalog/catalog-info.yaml`;
      expect(readout.displayPath('billing/catalog/catalog-info.yaml')).toBe(url);
      expect(readout.resolve('billing/catalog/catalog-info.yaml', `${enterprise.htmlBaseUrl}/platform/billing/blob/trunk/catalog/api.yaml`)).toEqual({
        path: 'billing/catalog/api.yaml',
      });
      expect((await readout.readFile('billing/catalog/api.yaml'))?.content.toString()).toBe('y');
    } finally {
      await enterprise.stop();
    }
  });
});
