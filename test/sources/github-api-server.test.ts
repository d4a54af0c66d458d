import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GithubApiServer } from '../fakes/github-api-server.ts';

const token = 'ghs_fake';
let server: GithubApiServer;

beforeEach(async () => {
  const repos = Array.from({ length: 5 }, (_, i) => ({ name: `r${i}`, files: { 'catalog-info.yaml': `n: ${i}\n`, 'a/b.txt': 'b' } }));
  server = await GithubApiServer.start({ token, orgs: { acme: repos } });
});

afterEach(async () => {
  await server.stop();
});

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${server.apiBaseUrl}${path}`, { headers: { authorization: `token ${token}`, ...headers } });

/** The fake is only useful if it is as strict as GitHub; these pin the behaviours the sources rely on. */
describe('the fake GitHub API', () => {
  it('demands the token', async () => {
    const response = await fetch(`${server.apiBaseUrl}/orgs/acme/repos`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'Bad credentials', status: '401' });
    expect((await get('/orgs/acme/repos', { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('pages with Link headers pointing at /organizations/:id', async () => {
    const first = await get('/orgs/acme/repos?per_page=2');
    const id = server.data.findOrg('acme')?.id;
    expect(first.headers.get('link')).toBe(
      `<${server.apiBaseUrl}/organizations/${id}/repos?per_page=2&page=2>; rel="next", <${server.apiBaseUrl}/organizations/${id}/repos?per_page=2&page=3>; rel="last"`,
    );
    const last = await get(`/organizations/${id}/repos?per_page=2&page=3`);
    const repos = (await last.json()) as { full_name: string }[];
    expect(repos.map((repo) => repo.full_name)).toEqual(['acme/r4']);
    expect(last.headers.get('link')).toContain('rel="prev"');
    expect(last.headers.get('link')).not.toContain('rel="next"');
  });

  it('serves contents as JSON or raw, folders as lists, and GitHub-shaped 404s', async () => {
    const file = (await (await get('/repos/acme/r1/contents/catalog-info.yaml?ref=main')).json()) as { content: string };
    expect(file).toMatchObject({ type: 'file', encoding: 'base64', name: 'catalog-info.yaml', sha: server.blobSha('n: 1\n') });
    expect(Buffer.from(file.content, 'base64').toString()).toBe('n: 1\n');
    const raw = await get('/repos/acme/r1/contents/a%2Fb.txt', { accept: 'application/vnd.github.raw' });
    expect(await raw.text()).toBe('b');
    expect(await (await get('/repos/acme/r1/contents/a')).json()).toMatchObject([{ type: 'file', path: 'a/b.txt' }]);
    const missing = await get('/repos/acme/r1/contents/nope.yaml');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: 'Not Found', documentation_url: expect.any(String) });
    expect((await get('/repos/acme/r1/contents/catalog-info.yaml?ref=other')).status).toBe(404);
    expect((await get('/user/repos')).status).toBe(404);
  });

  it('answers a matching If-None-Match with a free 304, and a new ETag after an edit', async () => {
    const first = await get('/repos/acme/r1/contents/catalog-info.yaml');
    const etag = first.headers.get('etag') ?? '';
    const remaining = Number(first.headers.get('x-ratelimit-remaining'));
    const again = await get('/repos/acme/r1/contents/catalog-info.yaml', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(Number(again.headers.get('x-ratelimit-remaining'))).toBe(remaining);
    server.data.setFile('acme', 'r1', 'catalog-info.yaml', 'changed');
    const changed = await get('/repos/acme/r1/contents/catalog-info.yaml', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(Number(changed.headers.get('x-ratelimit-remaining'))).toBe(remaining - 1);
  });

  it('refuses with 403 and remaining 0 once the budget is spent, and with retry-after on a secondary limit', async () => {
    server.rate.set(1, new Date(Date.now() + 600_000));
    expect((await get('/orgs/acme/repos')).status).toBe(200);
    const refused = await get('/orgs/acme/repos');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('x-ratelimit-resource')).toBe('core');
    server.rate.set(10, new Date(Date.now() + 600_000));
    server.rate.refuseNext(1, { status: 429, retryAfterSeconds: 3 });
    const limited = await get('/orgs/acme/repos');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(server.requests.map((r) => r.status)).toEqual([200, 403, 429]);
  });
});
