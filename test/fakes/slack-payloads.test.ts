import type { AddressInfo } from 'node:net';
import { App, LogLevel, isValidSlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './slack-api-server.ts';
import * as slackIn from './slack-payloads.ts';
import { createSilentLogger } from './slack/silent-logger.ts';

/**
 * The payload builders and signer, checked by the only judge that matters: a real Bolt app behind its
 * HTTPReceiver, whose listeners call back into the fake Web API and the fake's response URLs.
 */

const signingSecret = 'fake-signing-secret-0000';
let slack: FakeSlack;
let app: App;
let endpoint: string;

beforeAll(async () => {
  slack = await startFakeSlack({ users: [{ id: 'U0ALICE', name: 'alice' }], channels: [{ id: 'C0TEAM', name: 'team' }] });
  app = new App({
    token: slack.botToken,
    signingSecret,
    logLevel: LogLevel.ERROR,
    logger: createSilentLogger(),
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  registerListeners(app);
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await app.stop();
  await slack.close();
});

function registerListeners(bolt: App): void {
  bolt.command('/owner', async ({ ack, command, respond, client }) => {
    await ack(`Looking up ${command.text}`);
    await client.views.open({
      trigger_id: command.trigger_id,
      view: { type: 'modal', title: { type: 'plain_text', text: 'Owner' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: command.text } }] },
    });
    await respond({ response_type: 'ephemeral', text: 'payments is owned by team-payments' });
  });
  bolt.action('owner.refresh', async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: 'refreshed' });
  });
  bolt.view('owner.find', async ({ ack }) => ack({ response_action: 'errors', errors: { team: 'No such team' } }));
  bolt.shortcut('owner.global', async ({ ack }) => ack());
  bolt.shortcut('owner.message', async ({ ack, respond }) => {
    await ack();
    await respond({ text: 'owner of that message: team-payments' });
  });
  bolt.event('app_mention', async ({ say }) => void (await say('hello from callboard')));
  bolt.event(
    'app_home_opened',
    async ({ event, client }) => void (await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'divider' }] } })),
  );
  bolt.event('channel_rename', async ({ event, client }) => {
    await client.chat.postMessage({ channel: event.channel.id, text: `now called #${event.channel.name}` });
  });
  bolt.event('link_shared', async ({ event, client }) => {
    const unfurls = Object.fromEntries(event.links.map((link) => [link.url, { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'payments' } }] }]));
    await client.chat.unfurl({ channel: event.channel, ts: event.message_ts, unfurls });
  });
}

const send = (inbound: slackIn.SlackInbound, options?: slackIn.HttpRequestOptions) => slackIn.sendToApp(endpoint, inbound, signingSecret, options);
const trigger = () => slack.mintTriggerId();

describe('signRequest', () => {
  it('produces headers Bolt verifies, over the exact bytes and a canonical timestamp', () => {
    const body = 'token=x&command=%2Fowner';
    const headers = slackIn.signRequest(signingSecret, body, 1_700_000_000.9);
    expect(headers['X-Slack-Request-Timestamp']).toBe('1700000000');
    expect(headers['X-Slack-Signature']).toMatch(/^v0=[0-9a-f]{64}$/);
    const check = (secret: string, bytes: string) =>
      isValidSlackRequest({
        signingSecret: secret,
        body: bytes,
        nowMilliseconds: 1_700_000_010_000,
        headers: { 'x-slack-signature': headers['X-Slack-Signature'], 'x-slack-request-timestamp': 1_700_000_000 },
      });
    expect(check(signingSecret, body)).toBe(true);
    expect(check('other-secret', body)).toBe(false);
    expect(check(signingSecret, `${body}&x=1`)).toBe(false);
  });

  it('uses form encoding with the exact content type for commands and interactions, JSON for events', () => {
    const command = slackIn.toHttpRequest(
      slackIn.slashCommand({ command: '/owner', text: 'a b', userId: 'U0ALICE', channelId: 'C0TEAM', triggerId: 't', responseUrl: 'http://x' }),
      signingSecret,
    );
    expect(command.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(command.body).get('is_enterprise_install')).toBe('false');
    const event = slackIn.toHttpRequest(slackIn.urlVerification('c'), signingSecret, { retry: { num: 1, reason: 'http_timeout' } });
    expect(event.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' });
  });
});

describe('payloads delivered to a real Bolt app over HTTP', () => {
  it('answers url_verification only when signed', async () => {
    expect(await (await send(slackIn.urlVerification('abc123'))).json()).toEqual({ challenge: 'abc123' });
    expect((await send(slackIn.urlVerification('abc123'), { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
  });

  it('runs a slash command: ack text, views.open with the minted trigger, respond via the minted URL', async () => {
    const response = await send(
      slackIn.slashCommand({
        command: '/owner',
        text: 'payments',
        userId: 'U0ALICE',
        channelId: 'C0TEAM',
        triggerId: trigger(),
        responseUrl: slack.mintResponseUrl(),
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Looking up payments');
    expect((await slack.waitForCall('views.open')).status).toBe(200);
    expect((await slack.waitForCall('response_url')).body).toEqual({ response_type: 'ephemeral', text: 'payments is owned by team-payments' });
  });

  it('routes block_actions from a message with a response_url', async () => {
    const responseUrl = slack.mintResponseUrl();
    const inbound = slackIn.blockActions({
      userId: 'U0ALICE',
      triggerId: trigger(),
      responseUrl,
      message: { channelId: 'C0TEAM', ts: '1700000000.000100' },
      actions: [{ action_id: 'owner.refresh', block_id: 'owner', value: 'payments' }],
    });
    expect((await send(inbound)).status).toBe(200);
    expect((await slack.waitForCall('response_url', (call) => call.body.text === 'refreshed')).status).toBe(200);
  });

  it('returns a view_submission response_action that checkAck accepts', async () => {
    const inbound = slackIn.viewSubmission({
      userId: 'U0ALICE',
      triggerId: trigger(),
      values: { team: { name: { type: 'plain_text_input', value: 'nope' } } },
      view: {
        callback_id: 'owner.find',
        blocks: [{ type: 'input', block_id: 'team', label: { type: 'plain_text', text: 'Team' }, element: { type: 'plain_text_input', action_id: 'name' } }],
      },
    });
    const ack: unknown = await (await send(inbound)).json();
    expect(ack).toEqual({ response_action: 'errors', errors: { team: 'No such team' } });
    expect(slackIn.checkAck(inbound, ack)).toEqual([]);
  });

  it('acks global and message shortcuts', async () => {
    expect((await send(slackIn.globalShortcut({ callbackId: 'owner.global', userId: 'U0ALICE', triggerId: trigger() }))).status).toBe(200);
    const message = { ts: '1700000000.000200', text: 'who owns payments?', user: 'U0ALICE' };
    const shortcut = slackIn.messageShortcut({
      callbackId: 'owner.message',
      userId: 'U0ALICE',
      triggerId: trigger(),
      responseUrl: slack.mintResponseUrl(),
      channelId: 'C0TEAM',
      message,
    });
    expect((await send(shortcut)).status).toBe(200);
    expect((await slack.waitForCall('response_url', (call) => String(call.body.text).startsWith('owner of'))).status).toBe(200);
  });

  it('delivers app_mention, app_home_opened, link_shared and channel_rename events', async () => {
    expect((await send(slackIn.appMention({ userId: 'U0ALICE', channelId: 'C0TEAM', text: 'who owns payments?' }))).status).toBe(200);
    expect((await slack.waitForCall('chat.postMessage')).body).toMatchObject({ channel: 'C0TEAM', text: 'hello from callboard' });
    expect((await send(slackIn.appHomeOpened({ userId: 'U0ALICE' }))).status).toBe(200);
    expect((await slack.waitForCall('views.publish')).status).toBe(200);
    const links = [{ domain: 'callboard.example', url: 'https://callboard.example/catalog/payments' }];
    expect((await send(slackIn.linkShared({ userId: 'U0ALICE', channelId: 'C0TEAM', links }))).status).toBe(200);
    expect((await slack.waitForCall('chat.unfurl')).response).toEqual({ ok: true });
    slack.renameChannel('C0TEAM', 'team-renamed');
    expect((await send(slackIn.channelRename({ channelId: 'C0TEAM', name: 'team-renamed' }))).status).toBe(200);
    expect((await slack.waitForCall('chat.postMessage', (call) => call.body.text === 'now called #team-renamed')).status).toBe(200);
    expect(slackIn.messageEvent({ userId: 'U0ALICE', channelId: 'C0TEAM', text: 'hi' }).payload).toMatchObject({
      event: { type: 'message', channel_type: 'channel' },
    });
  });
});
