import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/run-cli.ts';

let child: ChildProcess;
let port = 0;
const printed: string[] = [];
const seen = new Set<string>();

// `npm start` in local mode (no Slack) on the example org, read until it is up and has built the example docs.
beforeAll(async () => {
  child = spawn(process.execPath, [join(repoRoot, 'bin/start.js')], {
    cwd: mkdtempSync(join(tmpdir(), 'callboard-cwd-')),
    env: {
      ...process.env,
      CALLBOARD_DB: join(mkdtempSync(join(tmpdir(), 'callboard-docs-start-')), 'callboard.db'),
      CALLBOARD_CONFIG: '',
      PORT: '0',
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    if (!line.startsWith('{')) {
      printed.push(line);
      continue;
    }
    const entry = JSON.parse(line) as { msg?: string; port?: number };
    if (entry.msg === 'HTTP server listening') port = entry.port!;
    seen.add(entry.msg ?? '');
    if (seen.has('Slack not configured') && seen.has('docs built after a sync pass')) break;
  }
});
afterAll(() => void child?.kill('SIGTERM'));

describe('npm start serves the docs site', () => {
  it('prints where the docs are', () => {
    expect(printed).toContain(`Docs: http://127.0.0.1:${port}/docs`);
  });

  it('answers /docs, the stylesheet and a 404 page on the one server, next to /healthz', async () => {
    const index = await fetch(`http://127.0.0.1:${port}/docs`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(await index.text()).toContain('<h1>Docs</h1>');
    expect((await fetch(`http://127.0.0.1:${port}/docs/_static/docs.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`http://127.0.0.1:${port}/docs/default/component/no-such-thing/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it("serves the example org's built docs: listed by owner, a page with its header, and search", async () => {
    const index = await (await fetch(`http://127.0.0.1:${port}/docs`)).text();
    expect(index).toContain('href="/docs/default/component/checkout-service/"');
    const page = await fetch(`http://127.0.0.1:${port}/docs/default/component/checkout-service/runbook/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<dt>Owner</dt>');
    expect(html).toContain('aria-current="page">Runbook</a>');
    const search = await fetch(`http://127.0.0.1:${port}/docs/search?q=rollback`, { headers: { accept: 'application/json' } });
    const { hits } = (await search.json()) as { hits: { entityRef: string; url: string }[] };
    expect(hits.some((hit) => hit.entityRef === 'component:default/checkout-service' && hit.url.startsWith(`http://127.0.0.1:${port}/docs/`))).toBe(true);
  });
});
