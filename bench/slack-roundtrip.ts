// The Slack round trip (issue 3): signed POST of `/owner <component>` → the answer arriving at its
// response_url, for Callboard on synced orgs and for a bare Bolt app (trivial handler) as the floor.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack, type FakeSlack } from '../test/fakes/slack-api-server.ts';
import { prepareOrg } from './prepare-org.ts';
import { SlackLoad, type LoadResult } from './slack-load.ts';

const SIGNING_SECRET = 'bench-signing-secret';
const WARMUP = 2000;
const SEQUENTIAL = 500;
const CONCURRENT = 3000;
const ROUNDS = 3;
const CONCURRENCY = 32;

export interface RoundtripRow {
  n: number;
  entities: number;
  app: 'bare' | 'callboard';
  sequential: LoadResult;
  concurrent: LoadResult;
  /** One-minute load average when the round ended: above 2 on this 2-core machine, other work competed. */
  loadAverage: number;
}

const writeConfig = (workDir: string, n: number, repo: string): string => {
  // A fresh database each run, synced from the org's git repo, as `npm run bench` does for the catalog.
  const dir = join(workDir, `slack-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'callboard.yaml');
  const source = ['    - type: git', `      url: file://${repo}`, '      branch: main', '      patterns: ["locations.yaml", "entities/**/catalog-info.yaml"]'];
  writeFileSync(file, ['database:', '  path: callboard.db', 'catalog:', '  sources:', ...source, ''].join('\n'));
  return file;
};

const startChild = async (app: 'bare' | 'callboard', config: string, fake: FakeSlack): Promise<{ child: ChildProcess; port: number }> => {
  const env = { ...process.env, SLACK_BOT_TOKEN: fake.botToken, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl };
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(import.meta.dirname, '../.bench/profiles')}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(import.meta.dirname, 'slack-app-child.ts'), app, config], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) return { child, port: (JSON.parse(line) as { port: number }).port };
  throw new Error(`the ${app} app exited before listening`);
};

/** Component names spread over the whole org: each /owner asks about a different service. */
const sampleNames = (names: readonly string[], count: number): string[] => Array.from({ length: count }, (_, i) => names[(i * 7919) % names.length]!);

type AppName = 'bare' | 'callboard';

const expectedIn: Record<AppName, string> = { bare: 'pong', callboard: 'owner.header' };

/** The round with the median throughput: the machine is shared, so one round can land on a busy moment. */
const median = (rounds: RoundtripRow[]): RoundtripRow =>
  [...rounds].sort((a, b) => a.concurrent.perSecond - b.concurrent.perSecond)[Math.floor(rounds.length / 2)]!;

/**
 * Both apps run side by side and are measured in alternating rounds after a warm-up (statement
 * caches, JIT, and Callboard's Slack-id cache for every member in the sample), so background load
 * hits both alike. Each app's median round is reported.
 */
const measureBoth = async (n: number, entities: number, config: string, fake: FakeSlack, texts: string[]): Promise<RoundtripRow[]> => {
  const apps = await Promise.all(
    (['bare', 'callboard'] as const).map(async (app) => {
      const { child, port } = await startChild(app, config, fake);
      const load = new SlackLoad(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
      await load.listen();
      return { app, child, load };
    }),
  );
  try {
    for (const { app, load } of apps) await load.run(texts, { requests: WARMUP, concurrency: CONCURRENCY, expect: expectedIn[app] });
    const rounds = new Map<AppName, RoundtripRow[]>([
      ['bare', []],
      ['callboard', []],
    ]);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const { app, load } of apps) {
        const sequential = await load.run(texts, { requests: SEQUENTIAL, concurrency: 1, expect: expectedIn[app] });
        const concurrent = await load.run(texts, { requests: CONCURRENT, concurrency: CONCURRENCY, expect: expectedIn[app] });
        rounds.get(app)!.push({ n, entities, app, sequential, concurrent, loadAverage: loadavg()[0]! });
      }
    }
    return apps.map(({ app }) => median(rounds.get(app)!));
  } finally {
    for (const { child, load } of apps) {
      await load.close();
      child.kill();
    }
  }
};

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

const printRow = (row: RoundtripRow): void => {
  const { sequential: s, concurrent: c } = row;
  console.log(
    `  ${row.app.padEnd(9)} c=1 answer p50 ${fmt(s.answer.p50)} p99 ${fmt(s.answer.p99)} (ack p99 ${fmt(s.ack.p99)})` +
      ` | c=${c.concurrency} answer p50 ${fmt(c.answer.p50)} p99 ${fmt(c.answer.p99)} (ack p99 ${fmt(c.ack.p99)}), ${c.perSecond.toFixed(0)} commands/s` +
      `  [load avg ${row.loadAverage.toFixed(1)}]` +
      `${c.expected < c.requests ? `  (!) ${c.requests - c.expected} answers without the expected card` : ''}`,
  );
};

/** Runs the round trip for each org size (N components, about 1.95 N entities). */
export const runSlackRoundtrip = async (workDir: string, sizes: readonly number[]): Promise<RoundtripRow[]> => {
  const fake = await startFakeSlack();
  const rows: RoundtripRow[] = [];
  try {
    for (const n of sizes) {
      const org = prepareOrg(workDir, n);
      const config = writeConfig(workDir, n, org.repo);
      execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sync-once.ts'), config], { stdio: ['ignore', 'ignore', 'inherit'] });
      const texts = sampleNames(org.manifest.componentNames, 2000);
      console.log(`\nSlack round trip, N = ${n} (${org.manifest.totalEntities} entities): signed POST /owner → answer at response_url`);
      for (const row of await measureBoth(n, org.manifest.totalEntities, config, fake, texts)) {
        rows.push(row);
        printRow(row);
      }
    }
  } finally {
    await fake.close();
  }
  return rows;
};
