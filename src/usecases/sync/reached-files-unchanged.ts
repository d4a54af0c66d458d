import { isGlobTarget } from '../../core/catalog/glob-target.ts';
import type { SourceFile, SourceReadout } from '../../core/ports.ts';
import type { StoredFile } from '../../core/sync/catalog-write-records.ts';
import { findListedHash, type PlaceholderDep } from './read-source-file.ts';
import type { StoredTarget } from './resolve-location-targets.ts';

/**
 * When the version covers only the listed files, the files reached beyond them (Location targets,
 * `$text` files) are checked one by one: a change there must not be skipped. A glob target is
 * expanded again, since a file it matches can appear without any listed file changing.
 */
export const reachedFilesUnchanged = async (readout: SourceReadout, listed: SourceFile[], stored: Map<string, StoredFile>): Promise<boolean> => {
  const expected = new Map<string, string | null>();
  const globs = new Set<string>();
  for (const file of stored.values()) {
    if (findListedHash(listed, file.path) === undefined) expected.set(file.path, file.hash);
    for (const dep of JSON.parse(file.placeholderDeps) as PlaceholderDep[]) expected.set(dep.path, dep.hash);
    for (const target of JSON.parse(file.targets) as StoredTarget[]) if (isGlobTarget(target.path)) globs.add(target.path);
  }
  for (const pattern of globs) {
    const matches = (await readout.findFiles?.(pattern)) ?? [];
    if (matches.some((path) => !stored.has(path))) return false;
  }
  for (const [path, hash] of expected) {
    const current = findListedHash(listed, path) ?? (await readout.readFile(path))?.hash;
    if (current !== hash) return false;
  }
  return true;
};
