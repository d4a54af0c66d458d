import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { sendToApp, slashCommand } from '../fakes/slack-payloads.ts';
import { startFakeSocketMode, type FakeSocketMode } from '../fakes/slack-socket-mode-server.ts';
import { GitHttpRemote } from '../helpers/git-http-remote.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const SECRET = 'start-process-secret';

interface Started {
  child: ChildProcess;
  /** The port of Callboard's one HTTP server, from its "HTTP server listening" line. */
  port: number;
  /** Log messages seen until the start-up finished. */
  messages: string[];
}

/**
 * `npm start` itself (bin/start.js) on the example org with `env` added: resolves once the process logs
 * `until` (Slack ready, or the local-mode line), with the port its HTTP server said it listens on.
 */
const startCallboard = async (env: Record<string, string>, until: string): Promise<Started> => {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/start.js')], {
    cwd: mkdtempSync(join(tmpdir(), 'callboard-cwd-')),
    env: { ...process.env, CALLBOARD_DB: join(mkdtempSync(join(tmpdir(), 'callboard-start-')), 'callboard.db'), CALLBOARD_CONFIG: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages: string[] = [];
  let port = 0;
  for await (const line of createInterface({ input: child.stdout! })) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    messages.push(entry.msg ?? '');
    if (entry.msg === 'HTTP server listening') port = entry.port!;
    if (entry.msg === until) break;
  }
  return { child, port, messages };
};

const getJson = async (port: number, path: string) => {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const expectHealthyAndReady = async (port: number) => {
  expect(await getJson(port, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  expect(await getJson(port, '/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
};

describe('npm start in HTTP mode', () => {
  let fake: FakeSlack;
  let started: Started;
  beforeAll(async () => {
    fake = await startFakeSlack();
    started = await startCallboard({ SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl }, 'Slack app ready');
  });
  afterAll(async () => {
    started?.child.kill('SIGTERM');
    await fake?.close();
  });

  it('the HTTP server comes up before the first sync, Slack after it', () => {
    const order = ['HTTP server listening', 'catalog sync pass finished', 'Slack app ready'].map((message) => started.messages.indexOf(message));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('answers /healthz and /readyz', async () => {
    await expectHealthyAndReady(started.port);
  });

  it('syncs the catalog and answers a signed /owner on PORT at /slack/events', async () => {
    expect(started.port).toBeGreaterThan(0);
    const inbound = slashCommand({
      command: '/owner',
      text: 'checkout-service',
      userId: 'U0ANYONE',
      channelId: 'C0GENERAL',
      triggerId: fake.mintTriggerId(),
      responseUrl: fake.mintResponseUrl(),
    });
    expect((await sendToApp(`http://127.0.0.1:${started.port}/slack/events`, inbound, SECRET)).status).toBe(200);
    const reply = await fake.waitForCall('response_url', undefined, 5000);
    expect(JSON.stringify(reply.body)).toContain('owner.header');
  });
});

describe('npm start in Socket Mode', () => {
  let fake: FakeSlack;
  let socket: FakeSocketMode;
  let started: Started;
  beforeAll(async () => {
    fake = await startFakeSlack();
    socket = await startFakeSocketMode(fake);
    started = await startCallboard({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: fake.appToken, SLACK_API_URL: fake.apiUrl }, 'Slack app ready');
  });
  afterAll(async () => {
    started?.child.kill('SIGTERM');
    await socket?.close();
    await fake?.close();
  });

  it('still runs the HTTP server: /healthz and /readyz answer, and /slack/events is not a route', async () => {
    await expectHealthyAndReady(started.port);
    expect((await fetch(`http://127.0.0.1:${started.port}/slack/events`, { method: 'POST' })).status).toBe(404);
  });
});

describe('npm start in local mode (no Slack credentials)', () => {
  let started: Started;
  beforeAll(async () => {
    started = await startCallboard({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', GITHUB_WEBHOOK_SECRET: '' }, 'Slack not configured');
  });
  afterAll(() => void started?.child.kill('SIGTERM'));

  it('still runs the HTTP server: /healthz and /readyz answer', async () => {
    await expectHealthyAndReady(started.port);
    expect(await getJson(started.port, '/readyz')).toMatchObject({ body: { checks: { slack: { ok: true, detail: 'Slack is not configured (local mode)' } } } });
  });

  it('mounts the GitHub webhook, which says how to turn it on while GITHUB_WEBHOOK_SECRET is unset', async () => {
    const response = await fetch(`http://127.0.0.1:${started.port}/webhooks/github`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.stringContaining('GITHUB_WEBHOOK_SECRET') });
  });
});

describe('npm start while the first sync pass is still running', () => {
  let remote: GitHttpRemote;
  let started: Started;
  beforeAll(async () => {
    // A git host that never answers: the first pass waits on it.
    remote = await GitHttpRemote.start('hang');
    const folder = mkdtempSync(join(tmpdir(), 'callboard-slow-'));
    writeFileSync(join(folder, 'callboard.yaml'), `catalog:\n  sources:\n    - type: git\n      url: ${remote.origin}/acme/catalog.git\n`);
    started = await startCallboard(
      { CALLBOARD_CONFIG: join(folder, 'callboard.yaml'), SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' },
      'HTTP server listening',
    );
  });
  afterAll(async () => {
    started?.child.kill('SIGTERM');
    await remote?.stop();
  });

  it('/healthz answers and /readyz says what it waits for', async () => {
    expect(await getJson(started.port, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await getJson(started.port, '/readyz');
    expect(ready).toMatchObject({ status: 503, body: { status: 'not ready', reasons: ['the first catalog sync pass has not finished yet'] } });
  });
});
