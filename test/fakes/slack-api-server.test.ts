import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, WebClient, type RetryOptions } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './slack-api-server.ts';
import { createSilentLogger } from './slack/silent-logger.ts';

/** The fake is only worth something if it answers like Slack; these drive it with the real @slack/web-api client. */

let fake: FakeSlack;
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

const client = (token = fake.botToken, options: { retryConfig?: RetryOptions; timeout?: number; rejectRateLimitedCalls?: boolean } = {}) =>
  new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, teamId: fake.team.id, logger: createSilentLogger(), ...options });

/** The Slack error code a rejected call carried. */
async function slackError(call: Promise<unknown>): Promise<WebAPIPlatformError['data'] & { errors?: string[] }> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof WebAPIPlatformError)) throw new Error(`expected a Slack platform error, got ${String(error)}`);
  return error.data;
}

beforeAll(async () => {
  fake = await startFakeSlack({
    users: [{ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' }],
    channels: [
      { id: 'C0TEAM', name: 'team', members: ['U0ALICE'] },
      { id: 'C0OUTSIDE', name: 'outside', botIsMember: false },
      { id: 'G0SECRET', name: 'secret', isPrivate: true, botIsMember: false },
    ],
  });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => fake.clearCalls());

describe('the fake Slack Web API: auth and recording', () => {
  it('answers auth.test with the bot identity Bolt needs', async () => {
    const answer = await client().auth.test();
    expect(answer).toMatchObject({ ok: true, user_id: fake.bot.userId, bot_id: fake.bot.botId, team_id: fake.team.id });
  });

  it('records a valid chat.postMessage with parsed blocks, the bearer token and the ignored team_id', async () => {
    const answer = await client().chat.postMessage({ channel: 'C0TEAM', text: 'hello', blocks: [section('*hello*')] });
    const call = await fake.waitForCall('chat.postMessage');
    expect(call).toMatchObject({ token: fake.botToken, status: 200, body: { channel: 'C0TEAM', team_id: fake.team.id, blocks: [section('*hello*')] } });
    expect(call.response).toMatchObject({ ok: true, ts: answer.ts, channel: 'C0TEAM' });
    expect(fake.messages('C0TEAM').map((message) => message.ts)).toContain(answer.ts);
  });

  it('refuses a wrong token with invalid_auth, none with not_authed, and an app token with not_allowed_token_type', async () => {
    expect((await slackError(client('xoxb-wrong').auth.test())).error).toBe('invalid_auth');
    expect(
      (await slackError(new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: createSilentLogger() }).auth.test())).error,
    ).toBe('not_authed');
    expect((await slackError(client(fake.appToken).auth.test())).error).toBe('not_allowed_token_type');
    expect(fake.calls('auth.test').map((call) => call.status)).toEqual([200, 200, 200]);
  });

  it('waits for calls still to come and times out clearly', async () => {
    const waiting = fake.waitForCall('chat.postMessage', (call) => call.body.text === 'later', 1000);
    await client().chat.postMessage({ channel: 'C0TEAM', text: 'later' });
    expect((await waiting).body.text).toBe('later');
    await expect(fake.waitForCall('views.open', undefined, 50)).rejects.toThrow(/no matching views.open call within 50 ms/);
  });
});

describe('the fake Slack Web API: messages', () => {
  it('refuses 51 blocks with invalid_blocks and json-pointer lines, like Slack', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    const data = await slackError(client().chat.postMessage({ channel: 'C0TEAM', text: 'x', blocks }));
    expect(data).toMatchObject({ error: 'invalid_blocks', errors: ['at most 50 blocks are allowed in a message (got 51) [json-pointer:/blocks]'] });
    expect(data.response_metadata?.messages).toEqual(['[ERROR] at most 50 blocks are allowed in a message (got 51) [json-pointer:/blocks]']);
  });

  it('refuses text over 40,000 characters, missing text and broken block JSON', async () => {
    expect((await slackError(client().chat.postMessage({ channel: 'C0TEAM', text: 'x'.repeat(40_001) }))).error).toBe('msg_too_long');
    expect((await slackError(client().chat.postMessage({ channel: 'C0TEAM', text: '' }))).error).toBe('no_text');
    expect((await slackError(client().apiCall('chat.postMessage', { channel: 'C0TEAM', text: 'x', blocks: '[{' }))).error).toBe('invalid_blocks_format');
  });

  it('checks channels: unknown, not joined, private and unseen, DMs by user id', async () => {
    expect((await slackError(client().chat.postMessage({ channel: 'C0NOPE', text: 'x' }))).error).toBe('channel_not_found');
    expect((await slackError(client().chat.postMessage({ channel: 'C0OUTSIDE', text: 'x' }))).error).toBe('not_in_channel');
    expect((await slackError(client().chat.postMessage({ channel: 'G0SECRET', text: 'x' }))).error).toBe('channel_not_found');
    expect(await client().chat.postMessage({ channel: 'U0ALICE', text: 'dm' })).toMatchObject({ ok: true, channel: 'D0ALICE00' });
  });

  it('updates, links and deletes only the messages it holds', async () => {
    const posted = await client().chat.postMessage({ channel: 'C0TEAM', text: 'v1' });
    const ts = posted.ts ?? '';
    expect(await client().chat.update({ channel: 'C0TEAM', ts, text: 'v2' })).toMatchObject({ ok: true, text: 'v2' });
    expect(await client().chat.getPermalink({ channel: 'C0TEAM', message_ts: ts })).toMatchObject({ permalink: expect.stringContaining('/archives/C0TEAM/p') });
    await client().chat.delete({ channel: 'C0TEAM', ts });
    expect((await slackError(client().chat.update({ channel: 'C0TEAM', ts, text: 'v3' }))).error).toBe('message_not_found');
  });

  it('posts ephemerals only to channel members, and never lets chat.update edit them', async () => {
    const { message_ts } = await client().chat.postEphemeral({ channel: 'C0TEAM', user: 'U0ALICE', text: 'psst' });
    expect((await slackError(client().chat.update({ channel: 'C0TEAM', ts: message_ts ?? '', text: 'edit' }))).error).toBe('message_not_found');
    fake.addUser({ id: 'U0BOB', name: 'bob' });
    expect((await slackError(client().chat.postEphemeral({ channel: 'C0TEAM', user: 'U0BOB', text: 'psst' }))).error).toBe('user_not_in_channel');
  });

  it('checks unfurl blocks as a message and names the URL in the pointer', async () => {
    const url = 'https://callboard.example/catalog/payments';
    expect(await client().chat.unfurl({ channel: 'C0TEAM', ts: '1.000001', unfurls: { [url]: { blocks: [section('payments')] } } })).toMatchObject({
      ok: true,
    });
    const data = await slackError(client().chat.unfurl({ channel: 'C0TEAM', ts: '1.000001', unfurls: { [url]: { blocks: [section('')] } } }));
    expect(data.errors).toEqual([
      `text must be at least 1 character [json-pointer:/unfurls/https:~1~1callboard.example~1catalog~1payments/blocks/0/text/text]`,
    ]);
  });
});

describe('the fake Slack Web API: directory', () => {
  it('finds seeded users by id and email, with Slack’s two different not-found codes', async () => {
    expect(await client().users.lookupByEmail({ email: 'Alice@example.com' })).toMatchObject({
      user: { id: 'U0ALICE', profile: { email: 'alice@example.com' } },
    });
    expect((await slackError(client().users.lookupByEmail({ email: 'nobody@example.com' }))).error).toBe('users_not_found');
    expect((await slackError(client().users.info({ user: 'U0NOBODY' }))).error).toBe('user_not_found');
  });

  it('joins public channels, warns when already in, and describes them', async () => {
    fake.addChannel({ id: 'C0JOIN', name: 'join-me', botIsMember: false });
    expect(await client().conversations.join({ channel: 'C0JOIN' })).not.toHaveProperty('warning');
    expect(await client().conversations.join({ channel: 'C0JOIN' })).toMatchObject({ warning: 'already_in_channel' });
    expect(await client().conversations.info({ channel: 'C0JOIN' })).toMatchObject({ channel: { name: 'join-me', is_member: true } });
    expect((await slackError(client().conversations.join({ channel: 'G0SECRET' }))).error).toBe('channel_not_found');
  });
});

describe('the fake Slack Web API: rate limits and faults', () => {
  it('answers 429 with Retry-After, which a retrying client honours', async () => {
    fake.failNext('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 1 });
    const started = Date.now();
    await client(fake.botToken, { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } }).chat.postMessage({ channel: 'C0TEAM', text: 'patient' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.calls('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
    expect(fake.calls('chat.postMessage')[0]?.response).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('spends a per-minute budget, then rate limits until the minute is over', async () => {
    fake.setRateLimit('users.info', 2);
    const strict = client(fake.botToken, { rejectRateLimitedCalls: true });
    await strict.users.info({ user: 'U0ALICE' });
    await strict.users.info({ user: 'U0ALICE' });
    const error = await strict.users.info({ user: 'U0ALICE' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBeGreaterThan(50);
    fake.setRateLimit('users.info', undefined);
  });

  it('injects 5xx answers, hangs and error codes for the next calls only', async () => {
    fake.failNext('auth.test', { kind: 'status', status: 503 });
    fake.failNext('auth.test', { kind: 'hang' });
    fake.failNext('auth.test', { kind: 'error', error: 'token_revoked' });
    const httpError = await client()
      .auth.test()
      .catch((caught: unknown) => caught);
    expect(httpError).toBeInstanceOf(WebAPIHTTPError);
    expect(httpError).toMatchObject({ statusCode: 503 });
    expect(
      await client(fake.botToken, { timeout: 200 })
        .auth.test()
        .catch((caught: unknown) => caught),
    ).toBeInstanceOf(WebAPIRequestError);
    expect((await slackError(client().auth.test())).error).toBe('token_revoked');
    expect(await client().auth.test()).toMatchObject({ ok: true });
    expect(fake.calls('auth.test').map((call) => call.status)).toEqual([503, 0, 200, 200]);
  });
});
