import { createHash } from 'node:crypto';
import { isGlobTarget } from '../../core/catalog/glob-target.ts';
import { errorProblem } from '../../core/problems.ts';
import type { CatalogSource, SourceFile, SourceReadout } from '../../core/ports.ts';
import type { StoredFile } from '../../store/catalog-write-records.ts';
import { findListedHash, type PlaceholderDep } from './read-source-file.ts';
import type { SourceSyncResult, SyncPass } from './sync-pass.ts';
import type { StoredTarget } from './resolve-location-targets.ts';
import { SourceWalk } from './walk-source-files.ts';

/** `file:` or `url:` form of a source's root, for `backstage.io/managed-by-origin-location`. */
const originLocationOf = (source: CatalogSource, readout: SourceReadout): string => {
  const url = readout.urlOf?.('');
  if (url) return `url:${url}`;
  return `${source.type === 'dir' ? 'file' : 'url'}:${readout.displayPath('')}`;
};

export const recordUnavailable = (pass: SyncPass, source: CatalogSource, error: unknown): SourceSyncResult => {
  const message = `source ${source.id} could not be read: ${(error as Error).message}. Everything it had is kept until it can be read again.`;
  pass.deps.writer.clearSourceProblems(source.id, 'source');
  pass.deps.writer.addProblem(source.id, null, null, errorProblem(message), 'source');
  return { id: source.id, outcome: 'unavailable', filesRead: 0, filesRemoved: 0, message };
};

/** `#` and a fingerprint of the source's settings ('' without settings). */
const settingsSuffixOf = (source: CatalogSource): string =>
  source.settings === undefined ? '' : `#${createHash('sha1').update(JSON.stringify(source.settings)).digest('hex').slice(0, 12)}`;

/** The content version plus a fingerprint of the source's settings: new patterns on the same commit are a new version. */
const versionKeyOf = (source: CatalogSource, readout: SourceReadout): string => readout.version + settingsSuffixOf(source);

/**
 * The content version inside a stored version key, which is what a source compares with what it finds
 * (a git source skips its fetch when the remote's tip is that commit). Settings that changed since still
 * make a new key, so the pass is not skipped; only the needless fetch is.
 */
const contentVersionOf = (source: CatalogSource, key: string | null): string | undefined => {
  if (key === null) return undefined;
  if (source.settings === undefined) return key;
  const cut = key.lastIndexOf('#');
  return cut < 0 ? key : key.slice(0, cut);
};

const recordUnchanged = (pass: SyncPass, source: CatalogSource, readout: SourceReadout, version: string): SourceSyncResult => {
  pass.deps.writer.saveSourceState(source.id, version, readout.state, pass.deps.clock.now().getTime());
  return { id: source.id, outcome: 'unchanged', version: readout.version, filesRead: 0, filesRemoved: 0 };
};

/**
 * When the version covers only the listed files, the files reached beyond them (Location targets,
 * `$text` files) are checked one by one: a change there must not be skipped. A glob target is
 * expanded again, since a file it matches can appear without any listed file changing.
 */
const reachedFilesUnchanged = async (readout: SourceReadout, listed: SourceFile[], stored: Map<string, StoredFile>): Promise<boolean> => {
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

/**
 * One source's part of a pass: open it, skip it when its version is unchanged and nothing waits for a
 * retry, otherwise walk its files. An unreachable source changes nothing but its problem record; a failure
 * while walking propagates so the caller can undo the source's partial writes.
 */
export const syncSource = async (pass: SyncPass, source: CatalogSource): Promise<SourceSyncResult> => {
  const { writer, clock } = pass.deps;
  const previous = writer.sourceState(source.id, source.type, clock.now().getTime());
  let readout: SourceReadout;
  try {
    readout = await source.open({ version: contentVersionOf(source, previous.version), state: previous.state });
  } catch (error) {
    return recordUnavailable(pass, source, error);
  }
  try {
    writer.clearSourceProblems(source.id, 'source');
    const version = versionKeyOf(source, readout);
    const versionUnchanged = version === previous.version && previous.retryFiles === 0;
    if (versionUnchanged && readout.versionCoversEveryFile) return recordUnchanged(pass, source, readout, version);
    const stored = writer.files(source.id);
    const listed = await readout.listFiles();
    if (versionUnchanged && (await reachedFilesUnchanged(readout, listed, stored))) return recordUnchanged(pass, source, readout, version);
    const walk = new SourceWalk(pass, source, readout, listed, stored, originLocationOf(source, readout));
    await walk.run();
    writer.saveSourceState(source.id, version, readout.state, clock.now().getTime());
    return { id: source.id, outcome: 'synced', version: readout.version, filesRead: walk.filesRead, filesRemoved: walk.filesRemoved };
  } finally {
    await readout.close();
  }
};
