import { SocketModeClient } from '@slack/socket-mode';
import { App, LogLevel } from '@slack/bolt';
import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from './slack-api-server.ts';
import { appMention, slashCommand, viewSubmission } from './slack-payloads.ts';
import { startFakeSocketMode, type FakeSocketMode } from './slack-socket-mode-server.ts';
import { createSilentLogger } from './slack/silent-logger.ts';

/** The Socket Mode fake against the real @slack/socket-mode client, and Bolt's SocketModeReceiver on top of it. */

let slack: FakeSlack;
let socket: FakeSocketMode;
let client: SocketModeClient | undefined;

beforeAll(async () => {
  slack = await startFakeSlack({ channels: [{ id: 'C0TEAM', name: 'team' }] });
  socket = await startFakeSocketMode(slack);
});

afterEach(async () => {
  await client?.disconnect();
  client = undefined;
});

afterAll(async () => {
  await socket.close();
  await slack.close();
});

/** A real client; a short ping timeout keeps its reconnect delay (timeout × failures) short. */
async function connect(): Promise<SocketModeClient> {
  client = new SocketModeClient({
    appToken: slack.appToken,
    clientPingTimeout: 200,
    logger: createSilentLogger(),
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  await client.start();
  return client;
}

const command = () =>
  slashCommand({
    command: '/owner',
    text: 'payments',
    userId: 'U0ALICE',
    channelId: 'C0TEAM',
    triggerId: slack.mintTriggerId(),
    responseUrl: slack.mintResponseUrl(),
  });

describe('the fake Socket Mode server', () => {
  it('opens a connection with the app-level token only', async () => {
    const withBotToken = new WebClient(slack.botToken, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, logger: createSilentLogger() });
    const error = await withBotToken.apps.connections.open().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebAPIPlatformError);
    expect((error as WebAPIPlatformError).data.error).toBe('not_allowed_token_type');
    const { url } = await new WebClient(slack.appToken, { slackApiUrl: slack.apiUrl }).apps.connections.open();
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[\w-]+&app_id=A0CALLBOARD$/);
  });

  it('says hello, delivers a slash command envelope and returns the ack payload', async () => {
    const app = await connect();
    app.on('slash_commands', async ({ ack, body }: { ack: (response?: object) => Promise<void>; body: { text: string } }) => {
      await ack({ text: `Looking up ${body.text}` });
    });
    await socket.waitForConnection();
    const ack = await socket.deliver(command());
    expect(ack).toMatchObject({ payload: { text: 'Looking up payments' }, violations: [] });
    expect(socket.acks().at(-1)?.envelopeId).toBe(ack.envelopeId);
  });

  it('reports ack bodies Slack would refuse, and envelopes nobody acks', async () => {
    const app = await connect();
    app.on('interactive', async ({ ack }: { ack: (response?: object) => Promise<void> }) => {
      await ack({ response_action: 'errors', errors: { not_an_input: 'Pick a team' } });
    });
    const submission = viewSubmission({
      userId: 'U0ALICE',
      triggerId: slack.mintTriggerId(),
      values: {},
      view: {
        callback_id: 'owner.find',
        blocks: [{ type: 'input', block_id: 'team', label: { type: 'plain_text', text: 'Team' }, element: { type: 'plain_text_input' } }],
      },
    });
    const ack = await socket.deliver(submission);
    expect(ack.violations).toEqual([{ path: 'errors.not_an_input', rule: 'not_an_input is not the block_id of an input block in the submitted view' }]);
    await expect(socket.deliver(appMention({ userId: 'U0ALICE', channelId: 'C0TEAM', text: 'hi' }), { ackTimeoutMs: 100 })).rejects.toThrow(
      /not acked within 100 ms/,
    );
  });

  it('reconnects the client after a disconnect message', async () => {
    await connect();
    slack.clearCalls();
    socket.sendDisconnect('refresh_requested');
    await slack.waitForCall('apps.connections.open', undefined, 3000);
    await expect.poll(() => socket.connectionCount(), { timeout: 3000 }).toBe(1);
  });
});

describe('Bolt in Socket Mode against the fakes', () => {
  it('routes a delivered command to a listener, which acks and posts through the fake Web API', async () => {
    const app = new App({
      token: slack.botToken,
      appToken: slack.appToken,
      socketMode: true,
      logLevel: LogLevel.ERROR,
      logger: createSilentLogger(),
      clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/owner', async ({ ack, command: body, client: web }) => {
      await ack(`Looking up ${body.text}`);
      await web.chat.postMessage({ channel: body.channel_id, text: `payments is owned by team-payments` });
    });
    await app.start();
    try {
      const ack = await socket.deliver(command());
      expect(ack).toMatchObject({ payload: { text: 'Looking up payments' }, violations: [] });
      expect((await slack.waitForCall('chat.postMessage')).body).toMatchObject({ channel: 'C0TEAM', text: 'payments is owned by team-payments' });
    } finally {
      await app.stop();
    }
  });
});
