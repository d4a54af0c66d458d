// The webhook target: after a signed GitHub push delivery, the changed entity is visible in the
// catalog in under 5 s, on the example org. The example org is committed to a local git repository that a
// `git` source follows; `npm start` (bin/start.js, compiled) runs with a schedule that never fires, so only
// the webhook can bring the change in. Each run commits a new description, posts the push, and polls the
// database (read-only, as a question would) until the entity carries it.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { spread, type Spread } from './startup.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const SECRET = 'bench-webhook-secret';
export const WEBHOOK_TARGET_MS = 5000;
const ENTITY_REF = 'component:default/checkout-service';
const CATALOG_FILE = 'services/checkout-service/catalog-info.yaml';

export interface WebhookFigures {
  deliveryToVisible: Spread;
}

const git = (cwd: string, ...args: string[]): void => {
  execFileSync('git', ['-c', 'user.name=Callboard bench', '-c', 'user.email=bench@callboard.invalid', ...args], { cwd, stdio: 'ignore' });
};

/** The example org as the `acme/catalog` repository on branch main. */
const createExampleRepository = (dir: string): string => {
  const repo = join(dir, 'acme', 'catalog');
  mkdirSync(repo, { recursive: true });
  cpSync(join(repoRoot, 'examples/acme'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'example org');
  return repo;
};

const writeConfig = (dir: string, repo: string): string => {
  const file = join(dir, 'callboard.yaml');
  const lines = [
    'database:',
    '  path: callboard.db',
    'catalog:',
    '  schedule: "0 0 1 1 *"',
    '  sources:',
    '    - type: git',
    `      url: file://${repo}`,
    '      branch: main',
    '',
  ];
  writeFileSync(file, lines.join('\n'));
  return file;
};

/** Starts bin/start.js and resolves with its port once /readyz answers 200. */
const startServer = async (config: string) => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SLACK_') && !key.startsWith('CALLBOARD_')));
  const child = spawn(process.execPath, [join(repoRoot, 'bin/start.js')], {
    env: { ...env, CALLBOARD_CONFIG: config, PORT: '0', GITHUB_WEBHOOK_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let port: number | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    const entry = line.startsWith('{') ? (JSON.parse(line) as { msg?: string; port?: number }) : {};
    if (entry.msg === 'HTTP server listening' && entry.port) {
      port = entry.port;
      break;
    }
  }
  if (port === undefined) throw new Error('bin/start.js ended before its HTTP server listened');
  child.stdout.resume();
  while ((await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.status)) !== 200) await new Promise((wait) => setTimeout(wait, 10));
  return { port, stop: () => new Promise<void>((done) => child.once('exit', () => done()).kill('SIGTERM')) };
};

const pushPayload = (repo: string) => ({
  ref: 'refs/heads/main',
  after: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim(),
  repository: { name: 'catalog', full_name: 'acme/catalog', clone_url: `file://${repo}`, default_branch: 'main', owner: { login: 'acme' } },
});

const deliver = async (port: number, body: string): Promise<void> => {
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const response = await fetch(`http://127.0.0.1:${port}/webhooks/github`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': randomUUID(), 'x-hub-signature-256': signature },
    body,
  });
  if (response.status !== 202) throw new Error(`the push delivery got ${response.status}: ${await response.text()}`);
};

const waitForDescription = async (database: Database.Database, marker: string): Promise<void> => {
  const read = database.prepare('SELECT body FROM entities WHERE ref = ?');
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const row = read.get(ENTITY_REF) as { body: string } | undefined;
    if (row?.body.includes(marker)) return;
    await new Promise((wait) => setTimeout(wait, 5));
  }
  throw new Error(`${ENTITY_REF} did not show "${marker}" within 30 s of the push delivery`);
};

/** Commits a changed description `runs` times, each followed by a signed push delivery, and times each until it is visible. */
export const measureWebhookPush = async ({ runs = 5 }: { runs?: number } = {}): Promise<WebhookFigures> => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-webhook-'));
  const repo = createExampleRepository(dir);
  const server = await startServer(writeConfig(dir, repo));
  const database = new Database(join(dir, 'callboard.db'), { readonly: true });
  try {
    const samples: number[] = [];
    const file = join(repo, CATALOG_FILE);
    for (let run = 0; run < runs; run += 1) {
      const marker = `bench push ${run} ${randomUUID()}`;
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}description: .*$/m, `  description: ${marker}`));
      git(repo, 'commit', '-q', '-am', marker);
      const started = performance.now();
      await deliver(server.port, JSON.stringify(pushPayload(repo)));
      await waitForDescription(database, marker);
      samples.push(performance.now() - started);
    }
    return { deliveryToVisible: spread(samples) };
  } finally {
    database.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

export const formatWebhookPush = (figures: WebhookFigures): string => {
  const { medianMs, p90Ms, runs } = figures.deliveryToVisible;
  const met = p90Ms < WEBHOOK_TARGET_MS ? 'met' : 'MISSED';
  return `GitHub push webhook, example org as a git source (${runs} pushes)\n  delivery → entity visible           median ${medianMs.toFixed(0)} ms  p90 ${p90Ms.toFixed(0)} ms  (target < ${WEBHOOK_TARGET_MS} ms: ${met})`;
};
