// `node --import tsx bench/docs-site.ts [--pages N]`: the docs site end to end with the real parts. A real git
// repository holds one Component per 40 pages (catalog-info.yaml with techdocs-ref dir:., mkdocs.yml, ~4 KB pages as
// bench/docs-render.ts writes them); it is synced, then built by the real builder (createDocsBuilder, what npm start
// runs after a sync pass, from the compiled dist/ as bin/start.js runs it; --source for src/) into the SQLite docs
// store, with the renderer (npm start's: render threads on a multi-core machine; --threads N to choose, 0 for none)
// loaded inside the timed step:
//   - cold build (target: 1,000 pages < 3 s, 3,400 < 10 s), wall and CPU time;
//   - a re-sync with nothing changed, then the builder's run (target: < 5% of the cold build);
//   - a one-page change, synced and built;
//   - the real HTTP server (mountDocsRoutes, the open loopback gate): warm page GETs p99 (target < 5 ms), alternating
//     with GET /healthz on the same server as the baseline;
//   - docs search on these pages, against the catalog's entity search (FTS) as the baseline.
// Without --pages it measures 1,000 and 3,400 pages, each in a fresh process, and prints the lines (with --json a
// `--pages` run prints one JSON line).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { CatalogRuntime } from '../src/catalog-runtime.ts';
import type { Config } from '../src/config/load-config.ts';
import type { DocsRunReport } from '../src/docs/docs-builder.ts';
import type { HttpServer } from '../src/http/server.ts';
import { buildDistIfStale } from '../test/helpers/build-dist.ts';
import { TestGitRemote } from '../test/helpers/git-repo.ts';
import { seededRandom } from '../test/helpers/seeded-random.ts';
import { docsPage } from './docs-render.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

export const DOCS_SITE_SIZES = [1_000, 3_400];
const PAGES_PER_SITE = 40;
const NO_CHANGE_RUNS = 5;
const WARM_PAGES = 200;
const GET_SAMPLES = 2_000;
const SEARCH_SAMPLES = 500;
const IMAGES = 10;

export interface DocsSiteResult {
  pages: number;
  sites: number;
  syncMs: number;
  /** Render threads (npm start's default: one per core but one, at most 4); 0 renders in the builder's thread. */
  cold: { ms: number; cpuMs: number; pages: number; warnings: number; threads: number };
  noChange: { syncMs: number; buildMs: number; unchanged: number; ratio: number };
  onePage: { syncMs: number; buildMs: number; built: number };
  get: { page: Percentiles; healthz: Percentiles; pageBytes: number };
  search: { docs: Percentiles & { hits: number }; entities: Percentiles };
  /** One-minute load average at the start and the end: above 2 on a 2-core machine, other work competed. */
  loadAverage: { start: number; end: number };
}

/**
 * The parts npm start runs, from the compiled dist/ (as bin/start.js runs them: the render threads load compiled
 * JavaScript, not TypeScript through tsx), or from src/ with --source.
 */
const loadParts = async () => {
  const [root, ext] = process.argv.includes('--source') ? ['../src', 'ts'] : ['../dist', 'js'];
  const load = (path: string): Promise<unknown> => import(`${root}/${path}.${ext}`);
  return {
    ...((await load('catalog-runtime')) as typeof import('../src/catalog-runtime.ts')),
    ...((await load('config/load-config')) as typeof import('../src/config/load-config.ts')),
    ...((await load('docs/docs-runtime')) as typeof import('../src/docs/docs-runtime.ts')),
    ...((await load('http/auth/create-docs-access')) as typeof import('../src/http/auth/create-docs-access.ts')),
    ...((await load('http/docs/mount-docs-routes')) as typeof import('../src/http/docs/mount-docs-routes.ts')),
    ...((await load('http/routes/health')) as typeof import('../src/http/routes/health.ts')),
    ...((await load('http/router')) as typeof import('../src/http/router.ts')),
    ...((await load('http/server')) as typeof import('../src/http/server.ts')),
  };
};
type Parts = Awaited<ReturnType<typeof loadParts>>;

const serviceName = (site: number): string => `svc-${String(site).padStart(3, '0')}`;
const folderOf = (index: number): string => `area-${Math.floor(index / 20)}`;
const pagePath = (index: number): string => `docs/${folderOf(index)}/page-${index}.md`;

/** Page `index` of a site: docs-render.ts's page, with the service named so sites differ. */
const sitePage = (site: number, index: number, edit = ''): string =>
  docsPage(index, PAGES_PER_SITE - 1).replace('the synthetic benchmark site.', `the synthetic benchmark site of ${serviceName(site)}.${edit}`);

const catalogInfo = (site: number): string =>
  [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: ${serviceName(site)}`,
    '  annotations:',
    '    backstage.io/techdocs-ref: dir:.',
    'spec:',
    '  type: service',
    '  lifecycle: production',
    `  owner: team-${site % 8}`,
    '',
  ].join('\n');

/** One Component per site: its catalog file, mkdocs.yml without nav, an index page, 39 pages and ten images. */
const repositoryFiles = (sites: number): Record<string, string> => {
  const files: Record<string, string> = {};
  for (let site = 0; site < sites; site++) {
    const root = `services/${serviceName(site)}`;
    files[`${root}/catalog-info.yaml`] = catalogInfo(site);
    files[`${root}/mkdocs.yml`] = `site_name: ${serviceName(site)}\nplugins:\n  - techdocs-core\n`;
    files[`${root}/docs/index.md`] = `# ${serviceName(site)}\n\nStart at [page 0](area-0/page-0.md).\n`;
    for (let image = 0; image < IMAGES; image++) files[`${root}/docs/images/diagram-${image}.png`] = `\x89PNG-${site}-${image}`.padEnd(2048, '.');
    for (let index = 0; index < PAGES_PER_SITE - 1; index++) files[`${root}/${pagePath(index)}`] = sitePage(site, index);
  }
  return files;
};

const openRuntime = (parts: Parts, dir: string, url: string): { config: Config; runtime: CatalogRuntime } => {
  const file = join(dir, 'callboard.yaml');
  writeFileSync(file, `database:\n  path: callboard.db\ncatalog:\n  sources:\n    - type: git\n      id: bench\n      url: ${url}\n      branch: main\n`);
  const config = parts.loadConfig({ file, env: {} });
  return { config, runtime: parts.openCatalogRuntime(config, { onWriteWait: () => {} }) };
};

const timed = async <T>(step: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await step();
  return [value, performance.now() - started];
};

const check = (report: DocsRunReport, what: string): void => {
  if (report.failed.length > 0) throw new Error(`${what}: ${report.failed.map((failure) => `${failure.entityRef}: ${failure.error}`).join('; ')}`);
};

/** One GET on a keep-alive connection, its body read to the end; throws unless 200. */
const get = (agent: Agent, server: HttpServer, path: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const call = request(`${server.url}${path}`, { agent, headers: { accept: 'text/html' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => (response.statusCode === 200 ? resolve(bytes) : reject(new Error(`GET ${path}: ${response.statusCode}`))));
    });
    call.on('error', reject);
    call.end();
  });

/** Warm page GETs alternating with /healthz, one connection, each page served once before the timed rounds. */
const measureGets = async (parts: Parts, runtime: CatalogRuntime, sites: number): Promise<DocsSiteResult['get']> => {
  const router = parts.createRouter([parts.healthzRoute]);
  const server = await parts.startHttpServer({ router, host: '127.0.0.1', port: 0, log: pino({ level: 'silent' }) });
  const access = parts.createDocsAccess({ http: { host: '127.0.0.1' } });
  parts.mountDocsRoutes(router, { library: runtime.docs, catalog: runtime.store, access, publicUrl: server.url });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const random = seededRandom(7);
  const paths = Array.from({ length: WARM_PAGES }, () => {
    const index = Math.floor(random() * (PAGES_PER_SITE - 1));
    return `/docs/default/component/${serviceName(Math.floor(random() * sites))}/${folderOf(index)}/page-${index}/`;
  });
  try {
    let pageBytes = 0;
    for (const path of paths) pageBytes += await get(agent, server, path);
    for (let warm = 0; warm < 200; warm++) await get(agent, server, '/healthz');
    const page: number[] = [];
    const healthz: number[] = [];
    for (let sample = 0; sample < GET_SAMPLES; sample++) {
      const path = paths[Math.floor(random() * paths.length)]!;
      let started = performance.now();
      await get(agent, server, path);
      page.push(performance.now() - started);
      started = performance.now();
      await get(agent, server, '/healthz');
      healthz.push(performance.now() - started);
    }
    return { page: percentiles(page), healthz: percentiles(healthz), pageBytes: Math.round(pageBytes / paths.length) };
  } finally {
    agent.destroy();
    await server.close();
  }
};

/** Docs search (FTS5 over the built sections) against the catalog's entity search, alternating, same connection kind. */
const measureSearch = (runtime: CatalogRuntime): DocsSiteResult['search'] => {
  const docsWords = ['replica', 'ledger lock', 'rollout', 'idempotency', 'settlement window', 'circuit breaker', 'svc-004', 'dashboard'];
  const entityWords = ['svc', 'svc-004', 'service', 'team-3', 'production'];
  const docs: number[] = [];
  const entities: number[] = [];
  let hits = 0;
  for (let sample = 0; sample < SEARCH_SAMPLES + 20; sample++) {
    let started = performance.now();
    hits += runtime.docs.search(docsWords[sample % docsWords.length]!, { limit: 10 }).length;
    const docsMs = performance.now() - started;
    started = performance.now();
    runtime.store.search(entityWords[sample % entityWords.length]!);
    const entitiesMs = performance.now() - started;
    // The first searches prepare the statements and warm the page cache.
    if (sample < 20) continue;
    docs.push(docsMs);
    entities.push(entitiesMs);
  }
  return { docs: { ...percentiles(docs), hits: Math.round(hits / (SEARCH_SAMPLES + 20)) }, entities: percentiles(entities) };
};

const measure = async (pages: number, threads: number | undefined): Promise<DocsSiteResult> => {
  const sites = Math.ceil(pages / PAGES_PER_SITE);
  const loadAtStart = loadavg()[0]!;
  const parts = await loadParts();
  const dir = mkdtempSync(join(tmpdir(), 'callboard-docs-site-'));
  const remote = await TestGitRemote.create('main');
  const { config, runtime } = openRuntime(parts, dir, remote.url);
  try {
    await remote.commit(repositoryFiles(sites), 'docs');
    const [, syncMs] = await timed(() => runtime.sync.syncAll());
    // What npm start does after the first pass: load the renderer, then build every documented entity.
    const cpuBefore = process.cpuUsage();
    const [[builder, cold, renderThreads], coldMs] = await timed(async () => {
      const renderer = await parts.loadDocsRenderer(threads);
      const builder = parts.createDocsBuilder(config, runtime, renderer);
      return [builder, await builder.run(), renderer.threads] as const;
    });
    const cpu = process.cpuUsage(cpuBefore);
    check(cold, 'cold build');
    const builtPages = cold.built.reduce((sum, site) => sum + site.pages, 0);

    const noChange: { syncMs: number; buildMs: number; unchanged: number }[] = [];
    for (let run = 0; run < NO_CHANGE_RUNS; run++) {
      const [, again] = await timed(() => runtime.sync.syncAll());
      const [report, buildMs] = await timed(() => builder.run());
      check(report, 'no-change run');
      noChange.push({ syncMs: again, buildMs, unchanged: report.unchanged });
    }
    const median = <T>(items: T[], by: (item: T) => number): T => [...items].sort((a, b) => by(a) - by(b))[Math.floor(items.length / 2)]!;
    const quiet = median(noChange, (run) => run.buildMs);

    await remote.commit({ [`services/${serviceName(1)}/${pagePath(5)}`]: sitePage(1, 5, ' Edited once.') }, 'one page');
    const [, onePageSyncMs] = await timed(() => runtime.sync.syncAll());
    const [onePage, onePageMs] = await timed(() => builder.run());
    check(onePage, 'one-page change');

    return {
      pages: builtPages,
      sites,
      syncMs,
      cold: {
        ms: coldMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
        pages: builtPages,
        warnings: cold.built.reduce((sum, site) => sum + site.warnings.length, 0),
        threads: renderThreads,
      },
      noChange: { ...quiet, ratio: quiet.buildMs / coldMs },
      onePage: { syncMs: onePageSyncMs, buildMs: onePageMs, built: onePage.built.length },
      get: await measureGets(parts, runtime, sites),
      search: measureSearch(runtime),
      loadAverage: { start: loadAtStart, end: loadavg()[0]! },
    };
  } finally {
    runtime.close();
    await remote.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
};

const fmt = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`);
const pct = (value: Percentiles): string => `median ${fmt(value.p50)}  p99 ${fmt(value.p99)}`;

/** The figures of one size as lines, with each target and each baseline ratio. */
export const formatDocsSite = (result: DocsSiteResult): string => {
  const target = result.pages <= 1_000 ? 3_000 : (10_000 * result.pages) / 3_400;
  return [
    `docs site end to end, ${result.pages} pages in ${result.sites} sites (git source, real builder, store and HTTP server)`,
    `  catalog sync            ${fmt(result.syncMs)}`,
    `  cold build              ${fmt(result.cold.ms)} (${fmt(result.cold.cpuMs)} CPU, ${result.cold.threads} render threads), ${result.cold.warnings} warnings  (target < ${fmt(target)})`,
    `  no-change re-sync       pass ${fmt(result.noChange.syncMs)}, docs run ${fmt(result.noChange.buildMs)} (${result.noChange.unchanged} sites unchanged) = ` +
      `${(result.noChange.ratio * 100).toFixed(2)}% of the cold build  (target < 5%)`,
    `  one-page change         pass ${fmt(result.onePage.syncMs)}, docs run ${fmt(result.onePage.buildMs)} (${result.onePage.built} site rebuilt)`,
    `  warm page GET           ${pct(result.get.page)}  (${result.get.pageBytes} bytes; target p99 < 5 ms)`,
    `  GET /healthz (baseline) ${pct(result.get.healthz)}  → page p99 ${(result.get.page.p99 / result.get.healthz.p99).toFixed(1)}× healthz`,
    `  docs search             ${pct(result.search.docs)}  (${result.search.docs.hits} hits)`,
    `  entity search (baseline) ${pct(result.search.entities)}  → docs p99 ${(result.search.docs.p99 / result.search.entities.p99).toFixed(1)}× entity search`,
    `  load average            ${result.loadAverage.start.toFixed(1)} at the start, ${result.loadAverage.end.toFixed(1)} at the end`,
  ].join('\n');
};

/** Each size in a fresh Node process (module loading and the renderer's first use included in the cold build). */
export const runDocsSite = (sizes: readonly number[] = DOCS_SITE_SIZES, env: NodeJS.ProcessEnv = process.env): DocsSiteResult[] =>
  sizes.map((size) => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--pages', String(size), '--json'], {
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    return JSON.parse(output.trim().split('\n').pop()!) as DocsSiteResult;
  });

const pagesArg = process.argv.indexOf('--pages');
const runDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (!runDirectly) {
  // Imported (by bench/run.ts): nothing runs.
} else if (pagesArg > 0) {
  const threadsArg = process.argv.indexOf('--threads');
  const result = await measure(Number(process.argv[pagesArg + 1]), threadsArg > 0 ? Number(process.argv[threadsArg + 1]) : undefined);
  console.log(process.argv.includes('--json') ? JSON.stringify(result) : formatDocsSite(result));
} else {
  buildDistIfStale('bench');
  for (const result of runDocsSite(DOCS_SITE_SIZES, process.env)) console.log(formatDocsSite(result));
}
