// `node --import tsx bench/docs-store-write.ts [--sites N] [--rounds R]`: the docs store's writes alone. One site of 40
// pages is rendered once (bench/docs-render.ts's pages through buildDocsSite), then written as N sites (default 25:
// 1,000 pages) through SqliteDocsStore.replaceSite into a fresh database file, as the builder writes them: cold (new
// sites), then again (each site replaced). Baseline, in the same round: the same pages and sections into plain tables
// (no search index) of another fresh file with the same settings, one transaction per site. Rounds alternate which
// goes first; medians are printed as ms per 1,000 pages, wall and CPU, then one JSON line.
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { buildDocsSite } from '../src/core/docs/build-docs-site.ts';
import type { BuiltDocsSite } from '../src/core/docs/docs-site.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { SqliteDocsStore } from '../src/store/sqlite-docs-store.ts';
import { WriteQueue } from '../src/store/write-queue.ts';
import { docsSiteFiles } from './docs-render.ts';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SITES = argument('--sites', 25);
const ROUNDS = argument('--rounds', 3);

const built = buildDocsSite({ entityRef: 'component:default/bench', entityName: 'bench', files: docsSiteFiles(40), rootInSource: '', maxPageBytes: 5 << 20 });
if (!built.ok) throw new Error(built.error);
const template = built.site;
const refOf = (site: number): string => `component:default/svc-${site}`;
const siteOf = (site: number): BuiltDocsSite => ({ ...template, entityRef: refOf(site) });
const pageCount = SITES * template.pages.length;

const workDir = resolve(import.meta.dirname, '../.bench/docs-store-write');

interface Timing {
  ms: number;
  cpuMs: number;
}

/** ms and CPU ms per 1,000 pages of `work`. */
const timed = async (work: () => Promise<void> | void): Promise<Timing> => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  const per1000 = 1000 / pageCount;
  return { ms: (performance.now() - started) * per1000, cpuMs: ((used.user + used.system) / 1000) * per1000 };
};

const freshFile = (name: string): string => {
  const path = join(workDir, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  return path;
};

/** Cold and replacing writes of every site through SqliteDocsStore. */
const measureStore = async (): Promise<{ cold: Timing; replace: Timing }> => {
  const db = openDatabase(freshFile('store'));
  const store = new SqliteDocsStore({ queue: new WriteQueue(db.$client), writer: db.$client, reader: db.$client });
  const writeAll = async () => {
    for (let site = 0; site < SITES; site++) {
      await store.replaceSite({ entityRef: refOf(site), key: `k${site}`, site: siteOf(site), at: new Date(), contentChanged: true, problems: [] });
    }
  };
  const cold = await timed(writeAll);
  const replace = await timed(writeAll);
  db.$client.close();
  return { cold, replace };
};

const PLAIN_TABLES = `CREATE TABLE plain_pages (entity_ref text NOT NULL, path text NOT NULL, source_path text NOT NULL, title text NOT NULL,
    html text NOT NULL, toc_json text NOT NULL, edit_url text, PRIMARY KEY (entity_ref, path));
  CREATE TABLE plain_sections (id integer PRIMARY KEY AUTOINCREMENT, entity_ref text NOT NULL, page_path text NOT NULL, page_title text NOT NULL,
    anchor text NOT NULL, heading text NOT NULL, text text NOT NULL);
  CREATE INDEX plain_sections_page ON plain_sections (entity_ref, page_path);`;

/** The same rows into plain tables: what the pages and sections cost without a search index. */
const writePlainSite = (client: Database.Database, entityRef: string): void => {
  const insertPage = client.prepare('INSERT INTO plain_pages VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertSection = client.prepare('INSERT INTO plain_sections (entity_ref, page_path, page_title, anchor, heading, text) VALUES (?, ?, ?, ?, ?, ?)');
  client.transaction(() => {
    client.prepare('DELETE FROM plain_pages WHERE entity_ref = ?').run(entityRef);
    client.prepare('DELETE FROM plain_sections WHERE entity_ref = ?').run(entityRef);
    for (const page of template.pages) {
      insertPage.run(entityRef, page.path, page.sourcePath, page.title, page.html, JSON.stringify(page.toc), page.editUrl ?? null);
      for (const section of page.sections) insertSection.run(entityRef, page.path, page.title, section.anchor, section.heading, section.text);
    }
  })();
};

const measurePlain = async (): Promise<{ cold: Timing; replace: Timing }> => {
  const db = openDatabase(freshFile('plain'));
  db.$client.exec(PLAIN_TABLES);
  const writeAll = () => {
    for (let site = 0; site < SITES; site++) writePlainSite(db.$client, refOf(site));
  };
  const cold = await timed(writeAll);
  const replace = await timed(writeAll);
  db.$client.close();
  return { cold, replace };
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summarise = (timings: Timing[]): Timing => ({ ms: Math.round(median(timings.map((t) => t.ms))), cpuMs: Math.round(median(timings.map((t) => t.cpuMs))) });

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const loadStart = loadavg()[0]!;
const runs = { store: [] as { cold: Timing; replace: Timing }[], plain: [] as { cold: Timing; replace: Timing }[] };
for (let round = 0; round < ROUNDS; round++) {
  if (round % 2 === 0) runs.store.push(await measureStore());
  runs.plain.push(await measurePlain());
  if (round % 2 === 1) runs.store.push(await measureStore());
}
rmSync(workDir, { recursive: true, force: true });

const figures = {
  store: { cold: summarise(runs.store.map((run) => run.cold)), replace: summarise(runs.store.map((run) => run.replace)) },
  plain: { cold: summarise(runs.plain.map((run) => run.cold)), replace: summarise(runs.plain.map((run) => run.replace)) },
};
const sectionCount = template.pages.reduce((sum, page) => sum + page.sections.length, 0) * SITES;
const htmlKb = template.pages.reduce((sum, page) => sum + page.html.length, 0) / template.pages.length / 1024;
console.log(
  `docs store writes: ${SITES} sites, ${pageCount} pages (${htmlKb.toFixed(1)} KB HTML each), ${sectionCount} sections; median of ${ROUNDS} rounds, per 1,000 pages`,
);
const line = (label: string, timing: Timing, baseline: Timing) =>
  console.log(`  ${label.padEnd(30)} ${timing.ms} ms (${timing.cpuMs} ms CPU)   plain tables ${baseline.ms} ms (${baseline.cpuMs} ms CPU)`);
line('cold (new sites)', figures.store.cold, figures.plain.cold);
line('replace (every site again)', figures.store.replace, figures.plain.replace);
console.log(`  load average ${loadStart.toFixed(2)} → ${loadavg()[0]!.toFixed(2)} (2 cores: above ~1.5, other work competed)`);
console.log(JSON.stringify({ sites: SITES, pages: pageCount, sections: sectionCount, ...figures, loadAverage: { start: loadStart, end: loadavg()[0] } }));
