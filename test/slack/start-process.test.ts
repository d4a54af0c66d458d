import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { sendToApp, slashCommand } from '../fakes/slack-payloads.ts';
import { repoRoot } from '../helpers/run-cli.ts';

const SECRET = 'start-process-secret';
let fake: FakeSlack;
let child: ChildProcess;
let port = 0;

/** `npm start` itself (bin/start.js) with Slack credentials in the environment: one process, catalog and Slack app. */
beforeAll(async () => {
  fake = await startFakeSlack();
  const env = {
    ...process.env,
    CALLBOARD_DB: join(mkdtempSync(join(tmpdir(), 'callboard-start-')), 'callboard.db'),
    CALLBOARD_CONFIG: '',
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
  };
  child = spawn(process.execPath, [join(repoRoot, 'bin/start.js')], {
    cwd: mkdtempSync(join(tmpdir(), 'callboard-cwd-')),
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    if (entry.msg === 'Slack app ready') {
      port = entry.port!;
      break;
    }
  }
});
afterAll(async () => {
  child?.kill('SIGTERM');
  await fake?.close();
});

describe('npm start with Slack credentials', () => {
  it('syncs the catalog and answers a signed /owner on PORT at /slack/events', async () => {
    expect(port).toBeGreaterThan(0);
    const inbound = slashCommand({
      command: '/owner',
      text: 'checkout-service',
      userId: 'U0ANYONE',
      channelId: 'C0GENERAL',
      triggerId: fake.mintTriggerId(),
      responseUrl: fake.mintResponseUrl(),
    });
    expect((await sendToApp(`http://127.0.0.1:${port}/slack/events`, inbound, SECRET)).status).toBe(200);
    const reply = await fake.waitForCall('response_url', undefined, 5000);
    expect(JSON.stringify(reply.body)).toContain('owner.header');
  });
});
