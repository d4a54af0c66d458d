import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { walkDir } from '../sources/dir/walk-dir.ts';
import { findDocsDir, inRoot, ROOT_FILES } from './docs-files.ts';
import { digestOf, type DocsSnapshotResult } from './docs-snapshot.ts';
import type { DigestCache } from './docs-folder-reader.ts';

const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !rel.startsWith('/'));
};

/** The real folder, or undefined when it is missing or a link leads it out of the source (`realRoot`). */
const realFolderInside = async (realRoot: string, folder: string): Promise<string | undefined> => {
  try {
    const real = await realpath(folder);
    return isInside(realRoot, real) && (await stat(real)).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
};

/** A file's content digest, read only when its size or mtime changed since the last run. */
const digestFile = async (absolute: string, cache: DigestCache): Promise<string | undefined> => {
  try {
    const info = await stat(absolute);
    if (!info.isFile()) return undefined;
    const stamp = `${absolute}\u0000${info.size}\u0000${info.mtimeMs}`;
    const known = cache.get(stamp);
    if (known) return known;
    const digest = createHash('sha256')
      .update(await readFile(absolute))
      .digest('hex');
    cache.set(stamp, digest);
    return digest;
  } catch {
    return undefined;
  }
};

/**
 * A docs root of a folder source as it is on disk now. Its key digests the content of the files the build reads,
 * each file read again only when its size or mtime changed; links are not followed out of the source.
 */
export async function readDirDocs(sourcePath: string, folder: string, cache: DigestCache): Promise<DocsSnapshotResult> {
  const realRoot = await realFolderInside('/', resolve(sourcePath));
  if (!realRoot) return { ok: false, error: `the source folder ${sourcePath} cannot be read` };
  const root = await realFolderInside(realRoot, join(realRoot, folder));
  if (!root) return { ok: false, error: `the docs folder ${folder || '.'} does not exist in ${sourcePath} (or leads out of it)` };
  const rootFiles = (await Promise.all(ROOT_FILES.map(async (name) => ({ name, digest: await digestFile(join(root, name), cache) })))).flatMap(
    ({ name, digest }) => (digest === undefined ? [] : [[name, digest] as const]),
  );
  const mkdocsName = rootFiles.find(([name]) => name.startsWith('mkdocs.'))?.[0];
  const docsDir = findDocsDir(mkdocsName ? await readFile(join(root, mkdocsName), 'utf8') : undefined);
  const docsRoot = docsDir === undefined ? undefined : await realFolderInside(root, join(root, docsDir));
  const docsPaths = docsRoot ? (await walkDir(docsRoot, () => true)).map((path) => inRoot(docsDir!, path)) : [];
  const docsDigests = await Promise.all(docsPaths.map(async (path) => `${path}=${(await digestFile(join(root, path), cache)) ?? '-'}`));
  const key = digestOf(['dir', ...rootFiles.map(([name, digest]) => `${name}=${digest}`), ...docsDigests]);
  const readFiles = async (): Promise<Map<string, Uint8Array>> => {
    const paths = [...rootFiles.map(([name]) => name), ...docsPaths];
    const read = await Promise.all(paths.map(async (path) => ({ path, data: await readFile(join(root, path)).catch(() => undefined) })));
    return new Map(read.flatMap(({ path, data }) => (data === undefined ? [] : [[path, data] as const])));
  };
  return { ok: true, snapshot: { key, readFiles } };
}
