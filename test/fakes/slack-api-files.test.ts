import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './slack-api-server.ts';
import { createSilentLogger } from './slack/silent-logger.ts';

/** files.uploadV2's three steps and conversations.list, driven by the real @slack/web-api client. */

let fake: FakeSlack;
let client: WebClient;

async function slackError(call: Promise<unknown>): Promise<WebAPIPlatformError['data']> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof WebAPIPlatformError)) throw new Error(`expected a Slack platform error, got ${String(error)}`);
  return error.data;
}

const CSV = 'ref,depth\ncomponent:default/orders-service,1\n';

beforeAll(async () => {
  fake = await startFakeSlack({
    users: [{ id: 'U0ALICE', name: 'alice' }],
    channels: [
      { id: 'C0TEAMROOM', name: 'team' },
      { id: 'C0OUTSIDE', name: 'outside', botIsMember: false },
      { id: 'C0OLD', name: 'old', isArchived: true },
      { id: 'G0MINE', name: 'mine', isPrivate: true },
      { id: 'G0SECRET', name: 'secret', isPrivate: true, botIsMember: false },
      { id: 'C0LAST', name: 'last' },
    ],
  });
  client = new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: createSilentLogger() });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => fake.clearCalls());

describe('the fake Slack files API (files.uploadV2)', () => {
  it('takes an uploadV2 of text into a thread: declared length, the bytes, then the share', async () => {
    const post = await client.chat.postMessage({ channel: 'C0TEAMROOM', text: 'dependents of orders-db' });
    const answer = await client.files.uploadV2({
      channel_id: 'C0TEAMROOM',
      thread_ts: post.ts!,
      content: CSV,
      filename: 'orders-db-dependents.csv',
      title: 'Dependents',
      initial_comment: 'all of them',
    });
    expect(answer.ok).toBe(true);
    expect(fake.calls().map((call) => call.method)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'file_upload', 'files.completeUploadExternal']);
    expect(fake.calls('files.getUploadURLExternal')[0]?.body).toMatchObject({ filename: 'orders-db-dependents.csv', length: String(Buffer.byteLength(CSV)) });
    expect(fake.sharedFiles()).toEqual([
      expect.objectContaining({
        filename: 'orders-db-dependents.csv',
        title: 'Dependents',
        content: CSV,
        channels: ['C0TEAMROOM'],
        threadTs: post.ts,
        initialComment: 'all of them',
      }),
    ]);
    const shared = fake.messages('C0TEAMROOM').at(-1);
    expect(shared).toMatchObject({ threadTs: post.ts, text: 'all of them', files: [fake.sharedFiles()[0]?.id] });
  });

  it('refuses a missing filename or length, and a length of 0 with missing_argument', async () => {
    expect(await slackError(client.apiCall('files.getUploadURLExternal', { length: 10 }))).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] missing required field: filename'] },
    });
    expect((await slackError(client.apiCall('files.getUploadURLExternal', { filename: 'a.csv' }))).error).toBe('invalid_arguments');
    expect((await slackError(client.files.getUploadURLExternal({ filename: 'a.csv', length: 0 }))).error).toBe('missing_argument');
    expect((await slackError(client.apiCall('files.getUploadURLExternal', { filename: 'a.csv', length: 'ten' }))).error).toBe('invalid_arguments');
  });

  it('answers the upload URL with 400 when the bytes differ from the declared length, and once only', async () => {
    const { upload_url: url, file_id: id } = await client.files.getUploadURLExternal({ filename: 'a.txt', length: 5 });
    expect((await fetch(url!, { method: 'POST', body: 'four' })).status).toBe(400);
    const sent = await fetch(url!, { method: 'POST', body: 'five!' });
    expect([sent.status, await sent.text()]).toEqual([200, 'OK - 5']);
    expect((await fetch(url!, { method: 'POST', body: 'five!' })).status).toBe(400);
    expect((await fetch(`${fake.url}/upload/v1/never-minted`, { method: 'POST', body: 'x' })).status).toBe(404);
    await client.files.completeUploadExternal({ files: [{ id: id! }] });
    expect(fake.sharedFiles().find((file) => file.id === id)).toMatchObject({ content: 'five!', title: 'a.txt', channels: [] });
  });

  it('completes only declared, uploaded, not yet completed files', async () => {
    expect((await slackError(client.files.completeUploadExternal({ files: [{ id: 'F0NEVER' }] }))).error).toBe('file_not_found');
    const { file_id: id } = await client.files.getUploadURLExternal({ filename: 'b.txt', length: 3 });
    expect((await slackError(client.files.completeUploadExternal({ files: [{ id: id! }] }))).error).toBe('file_not_found');
    expect((await slackError(client.apiCall('files.completeUploadExternal', {}))).error).toBe('invalid_arguments');
    expect((await slackError(client.apiCall('files.completeUploadExternal', { files: '[{"title":"no id"}]' }))).error).toBe('invalid_arguments');
  });

  it('shares only into conversations the bot may post in (a DM by its D… id, never a user id), threads only in one channel', async () => {
    const upload = async () => {
      const { upload_url: url, file_id: id } = await client.files.getUploadURLExternal({ filename: 'c.txt', length: 3 });
      await fetch(url!, { method: 'POST', body: 'abc' });
      return id!;
    };
    expect((await slackError(client.files.completeUploadExternal({ files: [{ id: await upload() }], channel_id: 'C0OUTSIDE' }))).error).toBe('not_in_channel');
    expect((await slackError(client.files.completeUploadExternal({ files: [{ id: await upload() }], channel_id: 'C0NOWHERE' }))).error).toBe(
      'channel_not_found',
    );
    const toUser = await slackError(client.files.completeUploadExternal({ files: [{ id: await upload() }], channel_id: 'U0ALICE' }));
    expect(toUser).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] input must match regex pattern: ^[CGDZ][A-Z0-9]{8,}$ [json-pointer:/channel_id]'] },
    });
    const dm = (await client.chat.postMessage({ channel: 'U0ALICE', text: 'your file' })).channel!;
    expect((await client.files.completeUploadExternal({ files: [{ id: await upload() }], channel_id: dm })).ok).toBe(true);
    const twoChannels = { files: [{ id: await upload() }], channels: 'C0TEAMROOM,C0LAST', thread_ts: '1700000000.000001' };
    expect((await slackError(client.apiCall('files.completeUploadExternal', twoChannels))).error).toBe('invalid_arguments');
  });

  it('needs files:write when scopes are modelled', async () => {
    const scoped = await startFakeSlack({ scopes: ['chat:write', 'commands'] });
    try {
      const scopedClient = new WebClient(scoped.botToken, { slackApiUrl: scoped.apiUrl, retryConfig: { retries: 0 }, logger: createSilentLogger() });
      const data = await slackError(scopedClient.files.uploadV2({ content: 'x', filename: 'x.txt' }));
      expect(data).toMatchObject({ error: 'missing_scope', needed: 'files:write', provided: 'chat:write,commands' });
    } finally {
      await scoped.close();
    }
  });
});

describe('the fake Slack conversations.list', () => {
  const names = (answer: { channels?: Array<{ name?: string }> }) => (answer.channels ?? []).map((channel) => channel.name);

  it('lists public channels by default, archived ones too, and ends with an empty next_cursor', async () => {
    const answer = await client.conversations.list();
    expect(names(answer)).toEqual(['team', 'outside', 'old', 'last']);
    expect(answer.response_metadata?.next_cursor).toBe('');
  });

  it('filters by types and exclude_archived; private channels only where the bot is a member', async () => {
    const answer = await client.conversations.list({ types: 'public_channel,private_channel', exclude_archived: true });
    expect(names(answer)).toEqual(['team', 'outside', 'mine', 'last']);
  });

  it('pages by cursor, with short (even empty) pages before the end, as Slack filters after the window', async () => {
    const pages: Array<string[]> = [];
    let cursor: string | undefined;
    do {
      const answer = await client.conversations.list({ limit: 2, exclude_archived: true, ...(cursor ? { cursor } : {}) });
      pages.push(names(answer) as string[]);
      cursor = answer.response_metadata?.next_cursor || undefined;
    } while (cursor);
    expect(pages).toEqual([['team', 'outside'], [], ['last']]);
  });

  it('refuses a limit over 1000, unknown types and a cursor it never gave', async () => {
    expect((await slackError(client.conversations.list({ limit: 1001 }))).error).toBe('invalid_limit');
    expect((await slackError(client.apiCall('conversations.list', { types: 'public_channel,channels' }))).error).toBe('invalid_types');
    expect((await slackError(client.conversations.list({ cursor: 'bm90IGEgY3Vyc29y' }))).error).toBe('invalid_cursor');
  });

  it('needs the scope of each type asked for, when scopes are modelled', async () => {
    const scoped = await startFakeSlack({ scopes: ['channels:read'], channels: [{ id: 'C0A', name: 'a' }] });
    try {
      const scopedClient = new WebClient(scoped.botToken, { slackApiUrl: scoped.apiUrl, retryConfig: { retries: 0 }, logger: createSilentLogger() });
      expect(names(await scopedClient.conversations.list())).toEqual(['a']);
      expect(await slackError(scopedClient.conversations.list({ types: 'public_channel,private_channel' }))).toMatchObject({
        error: 'missing_scope',
        needed: 'groups:read',
      });
    } finally {
      await scoped.close();
    }
  });

  it('shows a renamed channel under its new name', async () => {
    fake.renameChannel('C0LAST', 'last-renamed');
    expect(names(await client.conversations.list())).toContain('last-renamed');
    expect((await client.conversations.info({ channel: 'C0LAST' })).channel?.name).toBe('last-renamed');
    expect(() => fake.renameChannel('C0NOWHERE', 'x')).toThrow(/never seeded/);
  });
});
