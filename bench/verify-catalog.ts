// Checks the synced catalog against the generator's expectations: entity counts and every entity's relations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCatalogRuntime } from '../src/catalog-runtime.ts';
import { loadConfig } from '../src/config/load-config.ts';

const [configFile, repo] = process.argv.slice(2);
const runtime = openCatalogRuntime(loadConfig({ file: configFile! }));
const expected = JSON.parse(readFileSync(join(repo!, 'expected-relations.json'), 'utf8')) as Record<string, string[]>;
const manifest = JSON.parse(readFileSync(join(repo!, 'manifest.json'), 'utf8')) as { totalEntities: number };
let mismatches = 0;
let checked = 0;
for (const [ref, relations] of Object.entries(expected)) {
  const entity = runtime.store.entity(ref);
  if (!entity) continue; // expected-relations also lists dangling targets
  checked += 1;
  const actual = entity.relations.map((relation) => `${relation.type} ${relation.targetRef}`).sort();
  if (JSON.stringify(actual) !== JSON.stringify(relations)) {
    mismatches += 1;
    if (mismatches <= 3) process.stderr.write(`relations differ for ${ref}:\n  expected ${relations.join(', ')}\n  actual   ${actual.join(', ')}\n`);
  }
}
const entities = Object.values(runtime.store.countsByKind()).reduce((sum, n) => sum + n, 0);
runtime.close();
// The generator's own Location (locations.yaml) is one entity more than its manifest counts.
process.stdout.write(
  `${JSON.stringify({ entities, expectedEntities: manifest.totalEntities + 1, relationsChecked: checked, relationMismatches: mismatches })}\n`,
);
