import type { GitObject } from '../sources/git/parse-batch-output.ts';
import type { GitObjectReader } from '../sources/git/git-object-reader.ts';
import { digestOf, type DocsSnapshotResult } from './docs-snapshot.ts';
import { findDocsDir, inRoot, ROOT_FILES } from './docs-files.ts';
import { listDocsTree } from './list-docs-tree.ts';

export interface GitDocsInput {
  /** The mirror's `git cat-file --batch` reader, shared by every docs root of the run. */
  reader: GitObjectReader;
  commit: string;
  /** The docs root, relative to the repository root. */
  folder: string;
  sourceId: string;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const readObject = (reader: GitObjectReader, name: string): Promise<GitObject | undefined> => reader.read(name).catch(() => undefined);

/**
 * A docs root of a git mirror at the synced commit. Its key is made of object ids only (the root files' blobs and
 * the `docs_dir` tree), so an unchanged root is recognised with a few reads and never listed or rebuilt.
 */
export async function readGitDocs(input: GitDocsInput): Promise<DocsSnapshotResult> {
  const { reader, commit, folder } = input;
  const short = commit.slice(0, 12);
  if ((await readObject(reader, commit))?.type !== 'commit') {
    return { ok: false, error: `commit ${short} of git source "${input.sourceId}" is not in its local mirror; sync again` };
  }
  if (folder !== '' && (await readObject(reader, `${commit}:${folder}`))?.type !== 'tree') {
    return { ok: false, error: `the docs folder ${folder} does not exist at commit ${short}` };
  }
  const rootFiles = await Promise.all(ROOT_FILES.map(async (name) => ({ name, object: await readObject(reader, `${commit}:${inRoot(folder, name)}`) })));
  const found = rootFiles.flatMap(({ name, object }) => (object?.type === 'blob' ? [[name, object] as const] : []));
  const mkdocs = found.find(([name]) => name.startsWith('mkdocs.'))?.[1].content.toString('utf8');
  const docsDir = findDocsDir(mkdocs);
  const tree = docsDir === undefined ? undefined : await readObject(reader, `${commit}:${inRoot(folder, docsDir)}`);
  const treeId = tree?.type === 'tree' ? tree.id : '-';
  const key = digestOf(['git', ...found.map(([name, object]) => `${name}=${object.id}`), `${docsDir ?? ''}=${treeId}`]);
  const readFiles = async (): Promise<Map<string, Uint8Array>> => {
    const files = new Map<string, Uint8Array>(found.map(([name, object]) => [name, object.content]));
    if (docsDir === undefined || treeId === '-') return files;
    try {
      const listed = await listDocsTree((name) => reader.read(name), treeId, `${docsDir}/`);
      const blobs = await Promise.all(listed.map(async (file) => [file.path, await reader.read(file.blob)] as const));
      for (const [path, object] of blobs) if (object) files.set(path, object.content);
    } catch (error) {
      throw new Error(`git could not read the docs of ${folder || 'the repository root'} at ${short}: ${errorText(error)}`, { cause: error });
    }
    return files;
  };
  return { ok: true, snapshot: { key, commit, readFiles } };
}
