// `node --import tsx bench/docs-search.ts [--pages N]`: docs search (SqliteDocsLibrary.search: FTS5 ids, ranking, snippets)
// with N pages indexed (default 20,000: 500 sites of 40 pages, 5 sections each, words drawn Zipf-like from a
// 5,000-word vocabulary, so common words match most sections). Pages are written through SqliteDocsStore as the
// builder writes them, into a database file; searches run on a separate reader connection, as in npm start. Prints
// median/p99/max per kind of query and overall, then one JSON line. Target: p99 < 10 ms.
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { DocsPage } from '../src/core/docs/docs-site.ts';
import { openDatabase } from '../src/store/open-database.ts';
import { SqliteDocsLibrary } from '../src/store/sqlite-docs-library.ts';
import { SqliteDocsStore } from '../src/store/sqlite-docs-store.ts';
import { WriteQueue } from '../src/store/write-queue.ts';
import { seededRandom } from '../test/helpers/seeded-random.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

const argPages = process.argv.indexOf('--pages');
const PAGES = argPages > 0 ? Number(process.argv[argPages + 1]) : 20_000;
const PAGES_PER_SITE = 40;
const SECTIONS_PER_PAGE = 5;
const WORDS_PER_SECTION = 80;
const VOCABULARY = 5_000;
const SEARCHES_PER_KIND = 500;

const random = seededRandom(12);
const syllables = ['ka', 'lo', 'mi', 'ner', 'sto', 'pa', 'ven', 'dra', 'qui', 'tor', 'ul', 'zen', 'bri', 'cas', 'fo', 'gle'];
const words = Array.from({ length: VOCABULARY }, (_, index) => {
  let word = '';
  for (let rest = index + 17; rest > 0; rest = Math.floor(rest / syllables.length)) word += syllables[rest % syllables.length];
  return word;
});
// Zipf: the word of rank r is drawn with weight 1 / (r + 1); a cumulative table turns one number into a word.
const cumulative: number[] = [];
words.reduce((sum, _, rank) => (cumulative[rank] = sum + 1 / (rank + 1)), 0);
const total = cumulative[cumulative.length - 1]!;
const drawWord = (): string => {
  const target = random() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return words[low]!;
};
const sentence = (count: number): string => Array.from({ length: count }, drawWord).join(' ');

const page = (site: number, index: number): DocsPage => {
  const sections = Array.from({ length: SECTIONS_PER_PAGE }, (_, section) => {
    const heading = sentence(3);
    return { anchor: `s-${section}-${heading.replace(/ /g, '-')}`, heading, text: sentence(WORDS_PER_SECTION) };
  });
  const title = `Page ${index} ${sentence(2)}`;
  return {
    path: index === 0 ? '' : `page-${index}/`,
    sourcePath: index === 0 ? 'index.md' : `page-${index}.md`,
    title,
    html: sections.map((section) => `<h2>${section.heading}</h2><p>${section.text}</p>`).join(''),
    toc: sections.map((section) => ({ level: 2, text: section.heading, anchor: section.anchor })),
    sections,
  };
};

const workDir = resolve(import.meta.dirname, '../.bench/docs-search');
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const path = join(workDir, 'docs.db');
const writer = openDatabase(path);
const reader = openDatabase(path, { migrate: false, memoryMapped: true });
const store = new SqliteDocsStore({ queue: new WriteQueue(writer.$client), writer: writer.$client, reader: writer.$client });
const library = new SqliteDocsLibrary(reader.$client);

const sites = Math.ceil(PAGES / PAGES_PER_SITE);
const indexStarted = performance.now();
for (let site = 0; site < sites; site++) {
  const count = Math.min(PAGES_PER_SITE, PAGES - site * PAGES_PER_SITE);
  const pages = Array.from({ length: count }, (_, index) => page(site, index));
  const entityRef = `component:default/service-${site}`;
  await store.replaceSite({
    entityRef,
    key: `k${site}`,
    site: { entityRef, siteName: `Service ${site}`, nav: [], pages, assets: [], warnings: [] },
    at: new Date(),
    contentChanged: true,
    problems: [],
  });
}
const indexMs = performance.now() - indexStarted;

const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const queries: Record<string, () => [string, { entityRef?: string }]> = {
  'common word': () => [pick(words.slice(0, 20)), {}],
  'mid word': () => [pick(words.slice(200, 1000)), {}],
  'rare word': () => [pick(words.slice(3000)), {}],
  'two words': () => [`${pick(words.slice(0, 200))} ${pick(words.slice(0, 200))}`, {}],
  prefix: () => [pick(words.slice(0, 500)).slice(0, 3), {}],
  // A word still being typed after a finished one, as in `/docs checkout roll`.
  'word, then prefix': () => [`${pick(words.slice(0, 200))} ${pick(words.slice(0, 500)).slice(0, 4)}`, {}],
  'one site, common word': () => [pick(words.slice(0, 20)), { entityRef: `component:default/service-${Math.floor(random() * sites)}` }],
};

const results: Record<string, Percentiles & { hits: number; cpuMs: number }> = {};
const all: number[] = [];
for (const [kind, next] of Object.entries(queries)) {
  const samples: number[] = [];
  let hits = 0;
  let cpuMicros = 0;
  for (let run = 0; run < SEARCHES_PER_KIND + 20; run++) {
    const [words, options] = next();
    const cpu = process.cpuUsage();
    const started = performance.now();
    hits += library.search(words, { limit: 10, ...options }).length;
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // The first searches warm the page cache and the prepared statements.
    if (run >= 20) samples.push(ms);
    if (run >= 20) cpuMicros += used.user + used.system;
  }
  // CPU time per search (mean): steadier than wall time on a machine other work shares.
  results[kind] = { ...percentiles(samples), hits: Math.round(hits / (SEARCHES_PER_KIND + 20)), cpuMs: cpuMicros / 1000 / SEARCHES_PER_KIND };
  all.push(...samples);
}
const overall = percentiles(all);
const round = (ms: number) => Math.round(ms * 100) / 100;
console.log(`docs search, ${PAGES} pages (${sites} sites, ${PAGES * SECTIONS_PER_PAGE} sections) indexed in ${Math.round(indexMs)} ms`);
for (const [kind, figures] of Object.entries(results)) {
  console.log(
    `  ${kind.padEnd(22)} median ${round(figures.p50)} ms  p99 ${round(figures.p99)} ms  max ${round(figures.max)} ms  CPU ${round(figures.cpuMs)} ms/search  (${figures.hits} hits)`,
  );
}
console.log(
  `  ${'all'.padEnd(22)} median ${round(overall.p50)} ms  p99 ${round(overall.p99)} ms  (target p99 < 10 ms)  load average ${loadavg()[0]!.toFixed(2)}`,
);
console.log(JSON.stringify({ pages: PAGES, indexMs: Math.round(indexMs), medianMs: round(overall.p50), p99Ms: round(overall.p99), byKind: results }));
reader.$client.close();
writer.$client.close();
rmSync(workDir, { recursive: true, force: true });
