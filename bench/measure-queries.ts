// Query latencies against a synced catalog, in its own process. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalogRuntime } from '../src/catalog-runtime.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { dependencyNodeBudget } from '../src/core/graph/dependency-edges.ts';
import { findOwner } from '../src/usecases/find-owner.ts';
import { resolveEntity } from '../src/usecases/resolve-entity.ts';
import { percentiles, type Percentiles } from './percentiles.ts';

const [configFile, repo] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(repo!, 'manifest.json'), 'utf8')) as { componentNames: string[] };
const runtime = openCatalogRuntime(loadConfig({ file: configFile! }));
const { store } = runtime;

/** Deterministic sample of component refs, spread over the whole list. */
const sample = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `component:default/${manifest.componentNames[(i * 7919) % manifest.componentNames.length]}`);

const time = (inputs: readonly string[], run: (input: string) => unknown): Percentiles => {
  for (const input of inputs.slice(0, 200)) run(input); // warm up statement caches and the JIT
  const samples = inputs.map((input) => {
    const start = process.hrtime.bigint();
    run(input);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  return percentiles(samples);
};

const searchTerms = sample(1000).map((ref, i) => {
  const name = ref.slice(ref.indexOf('/') + 1);
  const [area = '', word = ''] = name.split('-');
  return [area, `${area} ${word}`, word.slice(0, 3), name, `${area.slice(0, -1)}x`][i % 5]!;
});

// What people type instead of a ref, resolved as every command and mention does: a title ("Checkout Widget 12"),
// a separator and case variant (`CHECKOUT_WIDGET_12`), a repository URL in another form (ssh, `.git`, a file in it).
const typedPhrases = sample(3000).map((ref, i) => {
  const name = ref.slice(ref.indexOf('/') + 1);
  const title = name.replace(/-/g, ' ').replace(/\b\w/g, (letter) => letter.toUpperCase());
  const urls = [`git@github.com:acme/${name}.git`, `https://github.com/acme/${name}/blob/main/catalog-info.yaml`, `<https://github.com/acme/${name}|${name}>`];
  return [title, name.replace(/-/g, '_').toUpperCase(), urls[Math.floor(i / 3) % 3]!][i % 3]!;
});

const result = {
  entityByRef: time(sample(20000), (ref) => store.entity(ref)),
  ownerLookup: time(sample(5000), (ref) => findOwner(store, ref)),
  dependentsDepth5: time(sample(2000), (ref) => store.dependencyWalk(ref, 'reverse', { depth: 5, budget: dependencyNodeBudget })),
  // What /deps --reverse and the Dependents button ask: the whole graph, within the node budget.
  dependentsWholeGraph: time(sample(2000), (ref) => store.dependencyWalk(ref, 'reverse', { budget: dependencyNodeBudget })),
  search: time(searchTerms, (query) => store.search(query, { limit: 20 })),
  resolveTypedPhrase: time(typedPhrases, (text) => resolveEntity(store, text)),
};
runtime.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
