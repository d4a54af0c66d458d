// The docs figures of `npm run bench` (and `--docs-only`): the pure renderer cold (bench/docs-render.ts), the site end
// to end through the real builder, store and HTTP server (bench/docs-site.ts), and search with 20,000 pages indexed
// (bench/docs-search.ts), each in fresh Node processes, printed with their targets and same-run baselines.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOCS_SITE_SIZES, formatDocsSite, runDocsSite, type DocsSiteResult } from './docs-site.ts';

export interface DocsRenderFigure {
  pages: number;
  ms: number;
  cpuMs: number;
}

export interface DocsSearchFigure {
  pages: number;
  medianMs: number;
  p99Ms: number;
}

export interface DocsBenchResults {
  render: DocsRenderFigure[];
  site: DocsSiteResult[];
  search?: DocsSearchFigure;
}

const runScript = (script: string, ...args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });

/** docs-render.ts prints one line per size: `... cold: N pages (...) in X ms (Y ms CPU) ...`. */
const runRender = (pages: number): DocsRenderFigure => {
  const line = runScript('docs-render.ts', '--pages', String(pages)).trim();
  console.log(line);
  const match = /in (\d+) ms \((\d+) ms CPU\)/.exec(line);
  if (!match) throw new Error(`bench/docs-render.ts printed an unexpected line: ${line}`);
  return { pages, ms: Number(match[1]), cpuMs: Number(match[2]) };
};

/** D2's search bench, when it is there: its lines are printed, its last line is JSON. */
const runSearch = (): DocsSearchFigure | undefined => {
  if (!existsSync(join(import.meta.dirname, 'docs-search.ts'))) return undefined;
  const lines = runScript('docs-search.ts').trim().split('\n');
  console.log(lines.slice(0, -1).join('\n'));
  return JSON.parse(lines[lines.length - 1]!) as DocsSearchFigure;
};

export const runDocsBenches = (): DocsBenchResults => {
  console.log('\nDocs: the renderer alone, cold, each size in a fresh process (targets 1,000 pages < 3 s, 3,400 < 10 s)');
  const render = DOCS_SITE_SIZES.map(runRender);
  const site = runDocsSite(DOCS_SITE_SIZES, process.env);
  for (const result of site) console.log(`\n${formatDocsSite(result)}`);
  const renderAt = (pages: number) => render.find((figure) => figure.pages === pages);
  for (const result of site) {
    const alone = renderAt(result.pages);
    if (alone) console.log(`  ${result.pages} pages: end-to-end cold build ${(result.cold.ms / alone.ms).toFixed(2)}× the renderer alone`);
  }
  console.log('');
  const search = runSearch();
  if (search) {
    const entityP99 = site[site.length - 1]?.search.entities.p99;
    const baseline = entityP99 ? ` (${(search.p99Ms / entityP99).toFixed(1)}× the entity search p99 measured above)` : '';
    console.log(`docs search with ${search.pages} pages: median ${search.medianMs} ms, p99 ${search.p99Ms} ms${baseline}; target p99 < 10 ms`);
  }
  return { render, site, ...(search ? { search } : {}) };
};
