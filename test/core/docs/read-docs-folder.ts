import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildDocsSite, type DocsBuildInput } from '../../../src/core/docs/build-docs-site.ts';

/** Every file under `root`, keyed by its '/'-separated path relative to it: what the docs reader hands buildDocsSite. */
export const readDocsFolder = (root: string): Map<string, Uint8Array> => {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(root, path).split(sep).join('/'), new Uint8Array(readFileSync(path)));
  }
  return files;
};

/** Files given as text, for the small cases written inline. */
export const textFiles = (files: Record<string, string>): Map<string, Uint8Array> =>
  new Map(Object.entries(files).map(([path, text]) => [path, new TextEncoder().encode(text)]));

export const fixtureRoot = (name: string): string => new URL(`../../fixtures/docs/${name}`, import.meta.url).pathname;

/** buildDocsSite with the defaults every test shares; a failed build fails the test with its error. */
export const buildSite = (files: ReadonlyMap<string, Uint8Array>, overrides: Partial<DocsBuildInput> = {}) => {
  const result = buildDocsSite({
    entityRef: 'component:default/payments',
    entityName: 'payments',
    files,
    rootInSource: '',
    maxPageBytes: 1024 * 1024,
    ...overrides,
  });
  if (!result.ok) throw new Error(`build failed: ${result.error}`);
  return result.site;
};
