// Start-up figures as a person meets them, whole processes of the compiled program: `callboard owner
// checkout-service` and `npm start` (bin/start.js) until GET /readyz answers 200, on the example org.
// Each is set against `node -e 0` timed in the same run, so the ratio survives a busy or slow machine.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const repoRoot = resolve(import.meta.dirname, '..');
const callboard = join(repoRoot, 'bin/callboard.js');
const start = join(repoRoot, 'bin/start.js');

/** The targets: the CLI within 4× a bare Node start, the server ready within a second. */
export const CLI_TARGET_RATIO = 4;
export const READY_TARGET_MS = 1000;

export interface Spread {
  runs: number;
  medianMs: number;
  p90Ms: number;
}

export interface StartupFigures {
  node: Spread;
  owner: Spread;
  /** owner's median over node's median. */
  ownerRatio: number;
  readyFreshDatabase: Spread;
  readySyncedDatabase: Spread;
}

export const spread = (samples: readonly number[]): Spread => {
  const sorted = [...samples].sort((a, b) => a - b);
  const nearestRank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { runs: sorted.length, medianMs: nearestRank(0.5), p90Ms: nearestRank(0.9) };
};

/** The environment of someone who has not set up Slack nor pointed Callboard elsewhere. */
const plainEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SLACK_') && !key.startsWith('CALLBOARD_') && key !== 'PORT'));

const timeProcess = (args: string[], env: NodeJS.ProcessEnv): number => {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr.toString().trim()}`);
  return elapsed;
};

/** The port the server logged, then /readyz polled until it answers 200. */
const timeUntilReady = async (env: NodeJS.ProcessEnv): Promise<number> => {
  const started = performance.now();
  const child = spawn(process.execPath, [start], { env: { ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    let port: number | undefined;
    for await (const line of createInterface({ input: child.stdout })) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'HTTP server listening' && entry.port) {
        port = entry.port;
        break;
      }
    }
    if (port === undefined) throw new Error(`bin/start.js ended before its HTTP server listened: ${stderr.trim()}`);
    child.stdout.resume();
    while ((await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.status)) !== 200) {
      await new Promise((wait) => setTimeout(wait, 5));
    }
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
};

const writeExampleConfig = (dir: string): string => {
  const file = join(dir, 'callboard.yaml');
  const catalog = join(repoRoot, 'examples/acme');
  writeFileSync(
    file,
    `database:\n  path: synced.db\ncatalog:\n  sources:\n    - type: dir\n      path: ${catalog}\n      patterns: ["**/catalog-info.yaml"]\n`,
  );
  return file;
};

/** Runs every measurement `runs` times, interleaved so a change in the machine's load hits all of them alike. */
export const measureStartup = async ({ runs = 10 }: { runs?: number } = {}): Promise<StartupFigures> => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-startup-'));
  try {
    const config = writeExampleConfig(dir);
    const env = { ...plainEnv(), CALLBOARD_CONFIG: config };
    timeProcess([callboard, 'sync'], env);
    const samples = { node: [] as number[], owner: [] as number[], fresh: [] as number[], synced: [] as number[] };
    for (let run = 0; run < runs; run += 1) {
      samples.node.push(timeProcess(['-e', '0'], env));
      samples.owner.push(timeProcess([callboard, 'owner', 'checkout-service'], env));
      samples.fresh.push(await timeUntilReady({ ...env, CALLBOARD_DB: join(dir, `fresh-${run}.db`) }));
      samples.synced.push(await timeUntilReady(env));
    }
    const node = spread(samples.node);
    const owner = spread(samples.owner);
    return { node, owner, ownerRatio: owner.medianMs / node.medianMs, readyFreshDatabase: spread(samples.fresh), readySyncedDatabase: spread(samples.synced) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const ms = (value: number) => `${value.toFixed(0)} ms`;
const line = (label: string, figures: Spread) => `  ${label.padEnd(36)} median ${ms(figures.medianMs).padStart(7)}  p90 ${ms(figures.p90Ms).padStart(7)}`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

export const formatStartup = (figures: StartupFigures): string =>
  [
    `Start-up, example org (${figures.node.runs} runs each, interleaved)`,
    line('node -e 0', figures.node),
    `${line('callboard owner checkout-service', figures.owner)}  = ${figures.ownerRatio.toFixed(1)}× node -e 0 (target < ${CLI_TARGET_RATIO}×: ${verdict(figures.ownerRatio < CLI_TARGET_RATIO)})`,
    `${line('npm start → /readyz 200, fresh db', figures.readyFreshDatabase)}  (target < ${READY_TARGET_MS} ms: ${verdict(figures.readyFreshDatabase.medianMs < READY_TARGET_MS)})`,
    `${line('npm start → /readyz 200, synced db', figures.readySyncedDatabase)}  (target < ${READY_TARGET_MS} ms: ${verdict(figures.readySyncedDatabase.medianMs < READY_TARGET_MS)})`,
  ].join('\n');
