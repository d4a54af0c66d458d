import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, SourceUnavailableError } from '../../src/core/errors.ts';
import { GithubSource, type GithubSourceOptions } from '../../src/sources/github-source.ts';
import { GithubApiServer } from '../fakes/github-api-server.ts';

const token = 'ghs_callboardTestToken';
let server: GithubApiServer;

function createSource(options: Partial<GithubSourceOptions> = {}): GithubSource {
  return new GithubSource({ id: 'github:acme', org: 'acme', token, apiBaseUrl: server.apiBaseUrl, ...options });
}

async function captureError(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SourceUnavailableError);
  return error as Error;
}

beforeEach(async () => {
  const repos = Array.from({ length: 20 }, (_, i) => ({ name: `svc-${i}`, files: { 'catalog-info.yaml': `name: svc-${i}\n` } }));
  server = await GithubApiServer.start({ token, orgs: { acme: repos } });
});

afterEach(async () => {
  await server.stop();
});

describe('GithubSource when GitHub refuses', () => {
  it('reports a bad token without repeating it', async () => {
    const error = await captureError(createSource({ token: 'ghs_wrong' }).open({}));
    expect(error.message).toMatch(/GitHub rejected the token of github source "github:acme".*401 Bad credentials/);
    expect(error.message).not.toContain('ghs_wrong');
    expect(server.requests.map((r) => r.status)).toEqual([401]);
  });

  it('fails fast when the rate limit is spent and resets far away', async () => {
    const resetAt = new Date(Date.now() + 45 * 60_000);
    server.rate.set(0, resetAt);
    const started = performance.now();
    const error = await captureError(createSource().open({}));
    expect(performance.now() - started).toBeLessThan(2000);
    const reset = new Date(Math.floor(resetAt.getTime() / 1000) * 1000).toISOString();
    expect(error.message).toContain(`GitHub rate limit exceeded; resets at ${reset}`);
  });

  it('fails when the budget runs out in the middle of a scan', async () => {
    server.rate.set(5, new Date(Date.now() + 3_600_000));
    await expect(createSource().open({})).rejects.toThrow(/GitHub rate limit exceeded/);
    expect(server.requests.filter((r) => r.status === 403).length).toBeGreaterThan(0);
  });

  it('waits out a short secondary limit (429 or 403 with retry-after) and succeeds', async () => {
    server.rate.refuseNext(1, { status: 429, retryAfterSeconds: 1 });
    server.rate.refuseNext(1, { status: 403, retryAfterSeconds: 1 });
    const readout = await createSource().open({});
    expect(await readout.listFiles()).toHaveLength(20);
    expect(server.requests.slice(0, 3).map((r) => r.status)).toEqual([429, 403, 200]);
  });

  it('gives up on a secondary limit that asks for a long wait', async () => {
    server.rate.refuseNext(1, { status: 429, retryAfterSeconds: 120 });
    const started = performance.now();
    await expect(createSource().open({})).rejects.toThrow(/secondary rate limit hit.*wait 120 s/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('names an organisation that does not exist', async () => {
    await expect(createSource({ org: 'nope' }).open({})).rejects.toThrow(/organisation "nope" was not found/);
    await expect(createSource({ org: 'nope' }).open({})).rejects.toBeInstanceOf(SourceUnavailableError);
  });

  it('reports an API it cannot reach', async () => {
    const apiBaseUrl = server.apiBaseUrl;
    await server.stop();
    const error = await captureError(createSource({ apiBaseUrl, maxRetries: 0 }).open({}));
    expect(error.message).toContain(`cannot reach GitHub at ${apiBaseUrl}`);
  });

  it('answers later requests again once the limit has reset', async () => {
    server.rate.set(0, new Date(Date.now() + 60_000));
    await expect(createSource().open({})).rejects.toBeInstanceOf(SourceUnavailableError);
    server.rate.set(5000, new Date(Date.now() + 3_600_000));
    expect(await (await createSource().open({})).listFiles()).toHaveLength(20);
  });
});

describe('GithubSource options', () => {
  it.each([
    [{ org: 'not an org' }, /org "not an org" is not a GitHub organisation login/],
    [{ repoFilter: '(' }, /repoFilter "\(" is not a valid regular expression/],
    [{ catalogPath: '../x.yaml' }, /catalogPath/],
    [{ catalogPath: '/' }, /catalogPath/],
    [{ apiBaseUrl: 'http://ghe.example.com/api/v3' }, /unencrypted/],
    [{ apiBaseUrl: 'not a url' }, /apiBaseUrl "not a url" is not a URL/],
    [{ token: 'two words' }, /token/],
    [{ maxRetryAfterSeconds: -1 }, /maxRetryAfterSeconds/],
  ])('rejects %j', (options, message) => {
    const create = (): GithubSource => new GithubSource({ id: 'github:x', org: 'acme', token, apiBaseUrl: 'https://api.github.com', ...options });
    expect(create).toThrow(InvalidInputError);
    expect(create).toThrow(message);
  });
});
