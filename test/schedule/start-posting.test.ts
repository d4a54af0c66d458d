import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/slack-api-server.ts';
import { repoRoot } from '../helpers/run-cli.ts';

/** `npm start` (bin/start.js) with a schedule in its config, against the strict Slack fake. */

const configWith = (extra: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-start-posts-'));
  const file = join(dir, 'callboard.yaml');
  writeFileSync(
    file,
    `database:\n  path: callboard.db\ncatalog:\n  sources:\n    - type: dir\n      path: ${join(repoRoot, 'examples/acme')}\nscaffolder:\n  builtinTemplates: false\n${extra}`,
  );
  return file;
};

const start = (config: string, env: Record<string, string>) => {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/start.js')], {
    cwd: mkdtempSync(join(tmpdir(), 'callboard-cwd-')),
    env: { ...process.env, CALLBOARD_CONFIG: config, CALLBOARD_DB: '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
};

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack({ channels: [{ id: 'C0PAYMENTS', name: 'payments' }] });
});
afterAll(() => fake.close());

describe('npm start with schedules', () => {
  it('posts a configured schedule through the Slack app, with its slot in the message metadata', async () => {
    // Every second, so the first slot comes while the test waits for it.
    const config = configWith('schedules:\n  - { id: health-now, post: catalog-health, team: payments-team, channel: C0PAYMENTS, cron: "* * * * * *" }\n');
    const run = start(config, { SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: fake.apiUrl });
    try {
      const call = await fake.waitForCall('chat.postMessage', (candidate) => candidate.status === 200, 25_000);
      expect(call.body.channel).toBe('C0PAYMENTS');
      expect(call.body.metadata).toMatchObject({ event_type: 'callboard_scheduled_post', event_payload: { schedule: 'health-now' } });
      expect(String(call.body.text)).toContain('Catalog health: ');
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  }, 40_000);

  it('refuses to start with a postMessages override that does not exist, naming the key', async () => {
    const run = start(configWith('postMessages:\n  catalog-health: nowhere.hbs\n'), {});
    expect(await run.exited).not.toBe(0);
    expect(run.output()).toContain('postMessages.catalog-health: cannot read');
  }, 30_000);
});
