import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isBinaryFile } from 'isbinaryfile';

export type TreeEntry =
  | { path: string; type: 'directory' }
  | { path: string; type: 'symlink'; target: string }
  | { path: string; type: 'file'; executable?: true; text?: string; sha256?: string; bytes?: number };

/**
 * A folder as test/fixtures/scaffolder/backstage-expected/make-expected.mjs describes Backstage's output: every
 * folder, file and link, text files with their text, binary files as sha256 and size, sorted by path.
 */
export async function describeTree(root: string): Promise<TreeEntry[]> {
  const entries: TreeEntry[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const name of (await readdir(folder)).sort()) {
      const full = join(folder, name);
      const path = relative(root, full).split(sep).join('/');
      const stats = await lstat(full);
      if (stats.isSymbolicLink()) entries.push({ path, type: 'symlink', target: await readlink(full) });
      else if (stats.isDirectory()) {
        entries.push({ path, type: 'directory' });
        await walk(full);
      } else {
        const content = await readFile(full);
        const body = (await isBinaryFile(content, content.length))
          ? { sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length }
          : { text: content.toString('utf8') };
        entries.push({ path, type: 'file', ...((stats.mode & 0o100) !== 0 ? { executable: true as const } : {}), ...body });
      }
    }
  };
  await walk(root);
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
