import type { KindRegistry } from '../../core/catalog/kind-registry.ts';
import type { SourceFile, SourceFileContent, SourceReadout, UrlReader } from '../../core/ports.ts';
import type { StoredFile } from '../../core/sync/catalog-write-records.ts';
import type { EntityOrigin } from './entity-record.ts';
import { parseFileToResult, type ParsedFileResult } from './parsed-file-result.ts';

/** A file pulled into another through `$text`/`$json`/`$yaml`, with the hash it had. */
export interface PlaceholderDep {
  path: string;
  hash: string;
}

export type FileReadResult =
  | { kind: 'unchanged'; stored: StoredFile }
  | { kind: 'missing' }
  | { kind: 'unreadable'; message: string }
  | { kind: 'parsed'; hash: string; parsed: ParsedFileResult; placeholderDeps: PlaceholderDep[] };

export interface ReadContext {
  readout: SourceReadout;
  registry: KindRegistry;
  urlReader: UrlReader;
  /** What the source listed (sorted by path), to check placeholder deps without reading them. */
  listed: readonly SourceFile[];
  /** Where entities of a path come from, for the location annotations. */
  originOf: (path: string) => EntityOrigin;
  /** `catalog.yamlFastPath`; false: parse with the full YAML reader only. */
  yamlFastPath?: boolean;
}

/** Binary search in the sorted listing: no second index of 100k paths just for the rare placeholder file. */
export const findListedHash = (listed: readonly SourceFile[], path: string): string | undefined => {
  let low = 0;
  let high = listed.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = listed[middle]!.path;
    if (candidate === path) return listed[middle]!.hash;
    if (candidate < path) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
};

const depsUnchanged = async (stored: StoredFile, context: ReadContext): Promise<boolean> => {
  const deps = JSON.parse(stored.placeholderDeps) as PlaceholderDep[];
  for (const dep of deps) {
    const hash = findListedHash(context.listed, dep.path) ?? (await context.readout.readFile(dep.path))?.hash;
    if (hash !== dep.hash) return false;
  }
  return true;
};

const isReusable = async (stored: StoredFile | undefined, hash: string | undefined, context: ReadContext): Promise<boolean> =>
  stored !== undefined && hash !== undefined && stored.hash === hash && stored.status === 'ok' && (await depsUnchanged(stored, context));

/** Reads `$text`/`$json`/`$yaml` targets: inside the source by path, elsewhere by URL (a failed fetch is transient). */
const placeholderReader = (path: string, context: ReadContext, deps: PlaceholderDep[]) => async (_kind: string, target: string) => {
  const resolved = context.readout.resolve(path, target);
  if ('error' in resolved) return { ok: false as const, message: resolved.error, transient: false };
  if ('url' in resolved) {
    try {
      return { ok: true as const, text: await context.urlReader.readText(resolved.url) };
    } catch (error) {
      return { ok: false as const, message: `could not fetch ${resolved.url}: ${(error as Error).message}`, transient: true };
    }
  }
  const content = await context.readout.readFile(resolved.path);
  if (!content) return { ok: false as const, message: `${target} does not exist (looked for ${context.readout.displayPath(resolved.path)})`, transient: false };
  deps.push({ path: resolved.path, hash: content.hash });
  return { ok: true as const, text: content.content.toString('utf8') };
};

const readContent = async (path: string, readout: SourceReadout): Promise<SourceFileContent | undefined | Error> => {
  try {
    return await readout.readFile(path);
  } catch (error) {
    return error as Error;
  }
};

/** A file whose content must be parsed: it is new, changed, or its stored copy is not usable. */
export interface LoadedFile {
  kind: 'loaded';
  content: SourceFileContent;
}

/** Reads one file's content, or reports that the stored copy is still current (or why there is nothing to parse). */
export const loadSourceFile = async (
  path: string,
  listedHash: string | undefined,
  stored: StoredFile | undefined,
  context: ReadContext,
): Promise<Exclude<FileReadResult, { kind: 'parsed' }> | LoadedFile> => {
  if (await isReusable(stored, listedHash, context)) return { kind: 'unchanged', stored: stored! };
  const content = await readContent(path, context.readout);
  if (content instanceof Error) return { kind: 'unreadable', message: content.message };
  if (!content) return { kind: 'missing' };
  if (await isReusable(stored, content.hash, context)) return { kind: 'unchanged', stored: stored! };
  return { kind: 'loaded', content };
};

/** Parses a loaded file on this thread, with the pass's registry, reading placeholder targets as needed. */
export const parseLoadedFile = async (path: string, content: SourceFileContent, context: ReadContext): Promise<FileReadResult> => {
  const placeholderDeps: PlaceholderDep[] = [];
  const displayPath = context.readout.displayPath(path);
  const origin = context.originOf(path);
  const parsed = await parseFileToResult(content.content, displayPath, origin, {
    registry: context.registry,
    readTarget: placeholderReader(path, context, placeholderDeps),
    yamlFastPath: context.yamlFastPath,
  });
  return { kind: 'parsed', hash: content.hash, parsed, placeholderDeps };
};
