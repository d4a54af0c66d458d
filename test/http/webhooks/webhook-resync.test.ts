import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openCatalogRuntime, type CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { createRouter } from '../../../src/http/router.ts';
import { startHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { githubWebhookRoute } from '../../../src/http/webhooks/github.ts';
import { GithubApiServer } from '../../fakes/github-api-server.ts';
import { TestGitRemote } from '../../helpers/git-repo.ts';
import { examplePayload, signedDelivery, withRepository } from './github-delivery.ts';

const SECRET = 'e2e-webhook-secret';
const TOKEN = 'ghp_e2etoken';
const closers: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const component = (name: string, description: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: ${description}\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;

/** A running Callboard catalog and server for `callboard.yaml` text: the first sync done, the webhook mounted. */
const startCallboard = async (configYaml: string, env: Record<string, string> = {}): Promise<{ runtime: CatalogRuntime; server: HttpServer }> => {
  const folder = mkdtempSync(join(tmpdir(), 'callboard-webhook-'));
  writeFileSync(join(folder, 'callboard.yaml'), `database:\n  path: ${join(folder, 'callboard.db')}\n${configYaml}`);
  const config = loadConfig({ file: join(folder, 'callboard.yaml'), env });
  const runtime = openCatalogRuntime(config);
  closers.push(() => runtime.close());
  await runtime.sync.syncAll();
  const log = pino({ level: 'silent' });
  const route = githubWebhookRoute({
    secret: SECRET,
    sources: config.catalog.sources,
    syncSource: (id) => runtime.sync.syncSource(id),
    deliveries: runtime.jobLedger,
    log,
  });
  const server = await startHttpServer({ router: createRouter([route]), host: '127.0.0.1', port: 0, log });
  closers.push(() => server.close());
  return { runtime, server };
};

const deliver = (server: HttpServer, event: string, payload: unknown, delivery?: string) => {
  const { body, headers } = signedDelivery(event, payload, SECRET, delivery);
  return fetch(`${server.url}/webhooks/github`, { method: 'POST', headers, body });
};

/** Milliseconds until `seen()` holds, polling; fails after 5 s. */
const waitUntil = async (seen: () => boolean): Promise<number> => {
  const started = Date.now();
  while (!seen()) {
    if (Date.now() - started > 5000) throw new Error('not visible within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
};

describe('a signed delivery re-syncs its source, end to end', () => {
  it('a push to a git source: the changed entity is in the store within 5 s of the delivery', async () => {
    const remote = await TestGitRemote.create('main');
    closers.push(() => remote.cleanup());
    await remote.commit({ 'catalog-info.yaml': component('webhook-demo', 'before the push') });
    const { runtime, server } = await startCallboard(`catalog:\n  sources:\n    - type: git\n      url: ${remote.url}\n`);
    expect(runtime.store.entityEnvelope('component:default/webhook-demo')?.metadata.description).toBe('before the push');

    await remote.commit({ 'catalog-info.yaml': component('webhook-demo', 'after the push') });
    const payload = withRepository(examplePayload('push-with-new-branch'), { clone_url: remote.url, default_branch: 'main' });
    const response = await deliver(server, 'push', { ...payload, ref: 'refs/heads/main' }, 'push-delivery-1');
    expect(response.status).toBe(202);
    const elapsed = await waitUntil(() => runtime.store.entityEnvelope('component:default/webhook-demo')?.metadata.description === 'after the push');
    expect(elapsed).toBeLessThan(5000);
    console.info(`push delivery → entity visible: ${elapsed} ms`);
    // Redelivered from GitHub's Recent Deliveries: the job ledger has it, nothing is synced again.
    const again = await deliver(server, 'push', { ...payload, ref: 'refs/heads/main' }, 'push-delivery-1');
    expect(await again.json()).toEqual({ status: 'duplicate', delivery: 'push-delivery-1' });
  });

  it('a repository created in a github source’s organisation: its entity appears', async () => {
    const github = await GithubApiServer.start({
      token: TOKEN,
      orgs: { Octocoders: [{ name: 'first', files: { 'catalog-info.yaml': component('first', 'there from the start') } }] },
    });
    closers.push(() => github.stop());
    const { runtime, server } = await startCallboard(`catalog:\n  sources:\n    - type: github\n      org: Octocoders\n`, {
      GITHUB_TOKEN: TOKEN,
      GITHUB_API_URL: github.apiBaseUrl,
    });
    expect(runtime.store.entityEnvelope('component:default/first')).toBeDefined();

    github.clearRequests();
    github.data.addRepo('Octocoders', { name: 'Hello-World', files: { 'catalog-info.yaml': component('hello-world', 'created after the first sync') } });
    expect((await deliver(server, 'repository', examplePayload('repository-created'))).status).toBe(202);
    await waitUntil(() => runtime.store.entityEnvelope('component:default/hello-world') !== undefined);
    // The listing is still asked conditionally: its ETag changed with the new repository, so nothing stale hid it.
    const listing = github.requests.find((request) => request.path.startsWith('/orgs/Octocoders/repos'));
    expect(listing).toMatchObject({ status: 200, ifNoneMatch: expect.any(String) });
  });
});
