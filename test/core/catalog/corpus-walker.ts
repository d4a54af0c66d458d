/**
 * Test-only helper: reads catalog files from disk the way Backstage's example app registers
 * them, following Location targets relative to the file that names them. `$text`/`$json`/
 * `$yaml` targets that are relative paths are read from disk; URLs count as unreachable
 * (the tests run offline), which is a transient failure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile, type ParsedCatalogFile } from '../../../src/core/catalog/parse-catalog-file.ts';
import type { ReadTarget } from '../../../src/core/catalog/placeholders.ts';

/** Backstage's example data, vendored with its NOTICE (see `test/fixtures/NOTICE.md`). */
export const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/backstage-corpus');

const isUrl = (target: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(target);

/** Reads placeholder targets next to `file`; URLs fail as if the network were down. */
export const diskReader =
  (file: string): ReadTarget =>
  async (_kind, target) => {
    if (isUrl(target)) return { ok: false, message: 'the network is not reachable in tests', transient: true };
    try {
      return { ok: true, text: readFileSync(path.resolve(path.dirname(file), target), 'utf8') };
    } catch (error) {
      return { ok: false, message: (error as Error).message, transient: false };
    }
  };

export async function parseFileFromDisk(file: string, registry: KindRegistry): Promise<ParsedCatalogFile> {
  return parseCatalogFile(readFileSync(file), file, { registry, readTarget: diskReader(file) });
}

/** Parses every file reachable from `roots` through relative Location targets, each file once. */
export async function walkCatalog(roots: string[], registry: KindRegistry): Promise<Map<string, ParsedCatalogFile>> {
  const results = new Map<string, ParsedCatalogFile>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (results.has(file)) continue;
    const parsed = await parseFileFromDisk(file, registry);
    results.set(file, parsed);
    for (const { target } of parsed.locationTargets) {
      // Remote targets (sample-templates' remote-templates.yaml) are out of reach offline.
      if (!isUrl(target)) queue.push(path.resolve(path.dirname(file), target));
    }
  }
  return results;
}
