import { createHash } from 'node:crypto';
import type { CatalogSource, SourceReadout } from '../../core/ports.ts';

/** `#` and a fingerprint of the source's settings ('' without settings). */
const settingsSuffixOf = (source: CatalogSource): string =>
  source.settings === undefined ? '' : `#${createHash('sha1').update(JSON.stringify(source.settings)).digest('hex').slice(0, 12)}`;

/** The content version plus a fingerprint of the source's settings: new patterns on the same commit are a new version. */
export const versionKeyOf = (source: CatalogSource, readout: SourceReadout): string => readout.version + settingsSuffixOf(source);

/**
 * The content version inside a stored version key, which is what a source compares with what it finds
 * (a git source skips its fetch when the remote's tip is that commit). Settings that changed since still
 * make a new key, so the pass is not skipped; only the needless fetch is.
 */
export const contentVersionOf = (source: CatalogSource, key: string | null | undefined): string | undefined => {
  if (key === null || key === undefined) return undefined;
  if (source.settings === undefined) return key;
  const cut = key.lastIndexOf('#');
  return cut < 0 ? key : key.slice(0, cut);
};

/**
 * Whether the catalog already holds this version of the source with no file waiting for a retry: the one
 * condition under which a pass may skip the source (once the files beyond its listing are checked too,
 * unless the version covers every file).
 */
export const isVersionUnchanged = (
  source: CatalogSource,
  readout: SourceReadout,
  stored: { version: string | null; retryFiles: number } | undefined,
): boolean => stored !== undefined && stored.retryFiles === 0 && versionKeyOf(source, readout) === stored.version;
