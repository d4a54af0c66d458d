import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { SourceConfig } from '../../../src/config/load-config.ts';
import type { DeliveryLedger } from '../../../src/http/webhooks/delivery-ledger.ts';
import { githubWebhookRoute } from '../../../src/http/webhooks/github.ts';
import { httpRequest } from '../http-request.ts';
import { examplePayload, signedDelivery, withRepository } from './github-delivery.ts';

const SECRET = 'webhook-test-secret';
const patterns = ['**/catalog-info.yaml'];
const sources = [
  { type: 'git', id: 'git:hello', url: 'git@github.com:Codertocat/Hello-World.git', patterns },
  { type: 'git', id: 'git:hello-develop', url: 'https://github.com/codertocat/hello-world', branch: 'develop', patterns },
  { type: 'github', id: 'github:codertocat', org: 'codertocat', catalogPath: '/catalog-info.yaml' },
  { type: 'github', id: 'github:octocoders', org: 'Octocoders', catalogPath: '/catalog-info.yaml' },
  { type: 'github', id: 'github:other', org: 'other-org', catalogPath: '/catalog-info.yaml' },
  { type: 'dir', id: 'dir:local', path: '/srv/catalog', patterns },
] as SourceConfig[];

/** The ledger's contract in memory: the first claim of a key wins. */
const memoryLedger = (): DeliveryLedger => {
  const claimed = new Set<string>();
  return { claimOnce: async (kind, key) => !claimed.has(`${kind} ${key}`) && Boolean(claimed.add(`${kind} ${key}`)) };
};

const setUp = (options: { secret?: string | undefined; sources?: SourceConfig[] } = {}) => {
  const synced: string[] = [];
  const route = githubWebhookRoute({
    secret: 'secret' in options ? options.secret : SECRET,
    sources: options.sources ?? sources,
    syncSource: async (id) => void synced.push(id),
    deliveries: memoryLedger(),
    log: pino({ level: 'silent' }),
  });
  const deliver = (delivery: { body: string; headers: Record<string, string> }) => route.handler(httpRequest('POST', '/webhooks/github', delivery));
  return { route, synced, deliver };
};

/** Lets the syncs asked for (not awaited by the handler) start. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('POST /webhooks/github: who may deliver', () => {
  it('without GITHUB_WEBHOOK_SECRET it refuses every delivery, saying what to set', async () => {
    const { deliver, synced } = setUp({ secret: undefined });
    const answer = await deliver(signedDelivery('push', examplePayload('push-with-new-branch'), SECRET));
    expect(answer).toMatchObject({ status: 503, body: { error: expect.stringContaining('GITHUB_WEBHOOK_SECRET') } });
    await settle();
    expect(synced).toEqual([]);
  });

  it.each([
    ['unsigned', (d: ReturnType<typeof signedDelivery>) => ({ ...d, headers: { ...d.headers, 'x-hub-signature-256': '' } })],
    ['signed with another secret', () => signedDelivery('push', examplePayload('push-with-new-branch'), 'not-the-secret')],
    ['a signature of other bytes', (d: ReturnType<typeof signedDelivery>) => ({ ...d, body: `${d.body} ` })],
    [
      'a SHA-1 signature only',
      (d: ReturnType<typeof signedDelivery>) => ({ ...d, headers: { ...d.headers, 'x-hub-signature-256': '', 'x-hub-signature': 'sha1=00' } }),
    ],
  ])('%s → 401 and nothing is synced', async (_name, tamper) => {
    const { deliver, synced } = setUp();
    const answer = await deliver(tamper(signedDelivery('push', examplePayload('push-with-new-branch'), SECRET)));
    expect(answer).toMatchObject({ status: 401 });
    await settle();
    expect(synced).toEqual([]);
  });

  it('a signed body that is not a JSON object → 400; another content type → 415; no delivery id → 400', async () => {
    const { deliver } = setUp();
    expect(await deliver(signedDelivery('push', [1, 2], SECRET))).toMatchObject({ status: 400 });
    const form = signedDelivery('push', examplePayload('push-with-new-branch'), SECRET);
    expect(await deliver({ ...form, headers: { ...form.headers, 'content-type': 'application/x-www-form-urlencoded' } })).toMatchObject({ status: 415 });
    expect(await deliver({ ...form, headers: { ...form.headers, 'x-github-delivery': '' } })).toMatchObject({ status: 400 });
  });

  it('ping → 200', async () => {
    expect(await setUp().deliver(signedDelivery('ping', { zen: 'Keep it logically awesome.', hook_id: 1 }, SECRET))).toMatchObject({
      status: 200,
      body: { status: 'pong' },
    });
  });
});

describe('POST /webhooks/github: what a delivery re-syncs', () => {
  it('a push to the branch a git source follows re-syncs it (202), and the github source of the owner', async () => {
    const { deliver, synced } = setUp();
    const answer = await deliver(signedDelivery('push', examplePayload('push-with-new-branch'), SECRET));
    expect(answer).toMatchObject({ status: 202, body: { status: 'syncing', sources: ['git:hello', 'github:codertocat'] } });
    await settle();
    expect(synced.sort()).toEqual(['git:hello', 'github:codertocat']);
  });

  it('a push to another branch re-syncs the git source that follows that branch only', async () => {
    const { deliver } = setUp();
    const payload = { ...examplePayload('push-with-new-branch'), ref: 'refs/heads/develop' };
    expect(await deliver(signedDelivery('push', payload, SECRET))).toMatchObject({ status: 202, body: { sources: ['git:hello-develop'] } });
  });

  it('a tag push, or a push to a repository no source follows, is ignored (200)', async () => {
    const { deliver, synced } = setUp();
    expect(await deliver(signedDelivery('push', examplePayload('push'), SECRET))).toMatchObject({ status: 200, body: { status: 'ignored' } });
    const elsewhere = withRepository(examplePayload('push-with-new-branch'), {
      full_name: 'someone/else',
      owner: { login: 'someone' },
      ...Object.fromEntries(['clone_url', 'ssh_url', 'git_url', 'html_url', 'svn_url', 'url'].map((field) => [field, `https://github.com/someone/else`])),
    });
    expect(await deliver(signedDelivery('push', elsewhere, SECRET))).toMatchObject({ status: 200, body: { status: 'ignored' } });
    await settle();
    expect(synced).toEqual([]);
  });

  it("a github source's repoFilter decides whether a push concerns it", async () => {
    const filtered = [{ type: 'github', id: 'github:codertocat', org: 'Codertocat', catalogPath: '/catalog-info.yaml', repoFilter: '^api-' }] as SourceConfig[];
    expect(await setUp({ sources: filtered }).deliver(signedDelivery('push', examplePayload('push-with-new-branch'), SECRET))).toMatchObject({ status: 200 });
  });

  it('a redelivery (same X-GitHub-Delivery) does nothing twice', async () => {
    const { deliver, synced } = setUp();
    const delivery = signedDelivery('push', examplePayload('push-with-new-branch'), SECRET, 'delivery-1');
    expect(await deliver(delivery)).toMatchObject({ status: 202 });
    await settle();
    expect(await deliver(delivery)).toMatchObject({ status: 200, body: { status: 'duplicate', delivery: 'delivery-1' } });
    await settle();
    expect(synced.sort()).toEqual(['git:hello', 'github:codertocat']);
  });

  it.each(['repository-created', 'repository-renamed'])('%s re-syncs the github source of its organisation only', async (name) => {
    const { deliver, synced } = setUp();
    expect(await deliver(signedDelivery('repository', examplePayload(name), SECRET))).toMatchObject({ status: 202, body: { sources: ['github:octocoders'] } });
    await settle();
    expect(synced).toEqual(['github:octocoders']);
  });

  it('a repository transferred out of an organisation re-syncs the organisation it left', async () => {
    const payload = {
      ...withRepository(examplePayload('repository-renamed'), { owner: { login: 'new-home' } }),
      action: 'transferred',
      changes: { owner: { from: { organization: { login: 'Octocoders' } } } },
    };
    expect(await setUp().deliver(signedDelivery('repository', payload, SECRET))).toMatchObject({ status: 202, body: { sources: ['github:octocoders'] } });
  });

  it.each(['archived', 'unarchived', 'deleted'])('repository %s re-syncs; edited only when the default branch changed', async (action) => {
    const { deliver } = setUp();
    const payload = { ...examplePayload('repository-created'), action };
    expect(await deliver(signedDelivery('repository', payload, SECRET))).toMatchObject({ status: 202 });
    expect(await deliver(signedDelivery('repository', { ...payload, action: 'edited', changes: { description: { from: 'x' } } }, SECRET))).toMatchObject({
      status: 200,
    });
    const branchEdit = { ...payload, action: 'edited', changes: { default_branch: { from: 'master' } } };
    expect(await deliver(signedDelivery('repository', branchEdit, SECRET))).toMatchObject({ status: 202 });
  });
});
