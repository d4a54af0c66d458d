import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleConfig, repoRoot } from '../helpers/run-cli.ts';

/** A loader hook that prints every module URL the process loads, so a test can see what a command pulled in. */
const traceDir = mkdtempSync(join(tmpdir(), 'callboard-trace-'));
const hooks = join(traceDir, 'hooks.mjs');
const register = join(traceDir, 'register.mjs');
writeFileSync(hooks, `export async function load(url, context, next) {\n  process.stderr.write('LOADED ' + url + '\\n');\n  return next(url, context);\n}\n`);
// registerHooks (Node 22.15+) runs in this thread; Node 20 has only register, whose hooks run on a thread of their own.
writeFileSync(
  register,
  `import module from 'node:module';
if (module.registerHooks) {
  module.registerHooks({ load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); } });
} else {
  module.register(${JSON.stringify(pathToFileURL(hooks).href)});
}
`,
);

const runTraced = (args: string[]) => {
  const result = spawnSync(process.execPath, ['--import', register, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, CALLBOARD_CONFIG: '' },
  });
  const loaded = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED '))
    .map((line) => line.slice('LOADED '.length));
  return { status: result.status, stdout: result.stdout, loaded };
};

const callboard = join(repoRoot, 'bin/callboard.js');
const fromPackage = (name: string) => (url: string) => url.includes(`/node_modules/${name}/`);
let config: string;

beforeAll(() => {
  config = exampleConfig();
  execFileSync(process.execPath, [callboard, 'sync', '--config', config], { stdio: 'ignore' });
});

describe('bin/callboard.js', () => {
  it('runs the compiled dist/, with no TypeScript loader, the Slack side or the sync', () => {
    const { status, stdout, loaded } = runTraced([callboard, 'owner', 'checkout-service', '--config', config]);
    expect(status).toBe(0);
    expect(stdout).toContain('checkout-service');
    expect(loaded.some((url) => url.includes('/dist/cli/main.js'))).toBe(true);
    expect(loaded.filter((url) => url.includes('/src/'))).toEqual([]);
    expect(loaded.filter(fromPackage('tsx'))).toEqual([]);
    expect(loaded.filter(fromPackage('esbuild'))).toEqual([]);
    expect(loaded.filter((url) => url.includes('/dist/slack/') || url.includes('/@slack/'))).toEqual([]);
    // A question on a synced catalog needs the store, not the sync, its sources or their clients.
    const syncSide = ['/dist/catalog-runtime.js', '/dist/usecases/sync/', '/dist/sources/create-sources.js', '/@octokit/'];
    expect(loaded.filter((url) => syncSide.some((part) => url.includes(part)))).toEqual([]);
  });

  it('loads the Slack handlers for ask', () => {
    const { status, stdout, loaded } = runTraced([callboard, 'ask', '/owner checkout-service', '--config', config]);
    expect(status).toBe(0);
    expect(stdout).toContain('checkout-service');
    expect(loaded.some((url) => url.includes('/dist/cli/commands/ask-command.js'))).toBe(true);
  });

  it('says what to run, in one line and exit 2, where dist/ was never built', () => {
    const checkout = mkdtempSync(join(tmpdir(), 'callboard-unbuilt-'));
    mkdirSync(join(checkout, 'bin'));
    for (const file of ['callboard.js', 'start.js', 'import-built.js']) copyFileSync(join(repoRoot, 'bin', file), join(checkout, 'bin', file));
    for (const script of ['callboard.js', 'start.js']) {
      const result = spawnSync(process.execPath, [join(checkout, 'bin', script), '--help'], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `callboard is not built (${join(checkout, 'dist/heap-tuning.js')} is missing): run \`npm install\` or \`npm run build\` in ${checkout}/\n`,
      );
    }
  });
});

/** bin/start.js until /readyz answers 200, then SIGTERM; returns every module URL it loaded. */
const startUntilReady = async (env: NodeJS.ProcessEnv): Promise<string[]> => {
  const child = spawn(process.execPath, ['--import', register, join(repoRoot, 'bin/start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const loaded: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => line.startsWith('LOADED ') && loaded.push(line.slice('LOADED '.length)));
  const exited = new Promise((done) => child.once('exit', done));
  for await (const line of createInterface({ input: child.stdout })) {
    const entry = line.startsWith('{') ? (JSON.parse(line) as { msg?: string; port?: number }) : {};
    if (entry.msg !== 'HTTP server listening') continue;
    while ((await fetch(`http://127.0.0.1:${entry.port}/readyz`)).status !== 200) await new Promise((wait) => setTimeout(wait, 20));
    break;
  }
  child.kill('SIGTERM');
  await exited;
  return loaded;
};

describe('bin/start.js', () => {
  it('gets ready in local mode without loading Bolt or the Slack listeners', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SLACK_')));
    const loaded = await startUntilReady({ ...env, CALLBOARD_CONFIG: config, PORT: '0' });
    expect(loaded.some((url) => url.includes('/dist/main.js'))).toBe(true);
    expect(loaded.filter((url) => url.includes('/@slack/') || url.includes('/dist/slack/create-slack-app.js'))).toEqual([]);
  });

  it('refuses a database path that is a folder in one line naming it and its setting, exit 2', () => {
    const folder = mkdtempSync(join(tmpdir(), 'callboard-db-folder-'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SLACK_')));
    const result = spawnSync(process.execPath, [join(repoRoot, 'bin/start.js')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...env, CALLBOARD_CONFIG: config, CALLBOARD_DB: folder, PORT: '0' },
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(folder);
    expect(lines[0]).toContain('CALLBOARD_DB');
    expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
  });
});

describe('dist/', () => {
  it('finds the package root and the migrations where the sources do', () => {
    const built = (path: string) => JSON.stringify(pathToFileURL(join(repoRoot, 'dist', path)).href);
    const script = `const { packageRoot } = await import(${built('config/load-config.js')});
const { migrationsFolder } = await import(${built('store/open-database.js')});
console.log(JSON.stringify({ packageRoot, migrationsFolder }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ packageRoot: repoRoot, migrationsFolder: join(repoRoot, 'migrations') });
  });
});

describe('the compiled parse worker', () => {
  it('starts from dist/ with no TypeScript loader and parses', () => {
    const worker = pathToFileURL(join(repoRoot, 'dist/usecases/sync/parse-worker/plain-parse-worker.js')).href;
    const script = [
      `const { PlainParseWorker } = await import(${JSON.stringify(worker)});`,
      `const worker = new PlainParseWorker({ onError: (error) => console.log('error', error.message) });`,
      `console.log('ready', await worker.ready);`,
      `const file = { content: new TextEncoder().encode('apiVersion: backstage.io/v1alpha1\\nkind: Group\\nmetadata:\\n  name: team-a\\nspec:\\n  type: team\\n  children: []\\n'), origin: { location: 'url:https://x.example/a.yaml', originLocation: 'url:https://x.example/a.yaml', viewUrl: 'https://x.example/a.yaml' } };`,
      `const [claims] = await worker.parse([file]);`,
      `console.log('parsed', claims?.[0]?.record.ref);`,
      `await worker.close();`,
    ].join('\n');
    const file = join(traceDir, 'parse-one-file.mjs');
    writeFileSync(file, script);
    const { status, stdout, loaded } = runTraced([file]);
    expect(stdout).toBe('ready true\nparsed group:default/team-a\n');
    expect(status).toBe(0);
    expect(loaded.some((url) => url.endsWith('/dist/usecases/sync/parse-worker/parse-thread.js'))).toBe(true);
    expect(loaded.filter(fromPackage('tsx'))).toEqual([]);
    expect(loaded.filter(fromPackage('esbuild'))).toEqual([]);
  });
});
