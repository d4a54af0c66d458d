import type { GitTreeFile } from '../sources/git/list-git-tree.ts';
import { isRegularFileMode, isTreeMode, type ReadGitObject } from '../sources/git/tree-object.ts';

const SPACE = 0x20;
const NUL = 0x00;

/**
 * Every regular file under the tree `treeId`, in `git ls-tree -r` order (depth first, entries in tree order), read
 * through the batch reader the docs run already has open rather than a `git ls-tree` process per docs root. Sub-trees
 * are asked for all at once, so a folder costs one round trip to git, not one per sub-folder. Symlinks and submodules
 * are left out, as ls-tree's listing was filtered: their "content" is a link target or another repository.
 */
export const listDocsTree = async (read: ReadGitObject, treeId: string, prefix = ''): Promise<GitTreeFile[]> => {
  const tree = await read(treeId);
  if (tree?.type !== 'tree') throw new Error(`tree ${treeId} is not in the mirror`);
  const entries = parseTreeEntries(tree.content, treeId.length / 2);
  const listed = await Promise.all(
    entries.map(async (entry): Promise<GitTreeFile[]> => {
      const path = `${prefix}${entry.name}`;
      if (isTreeMode(entry.mode)) return listDocsTree(read, entry.id, `${path}/`);
      return isRegularFileMode(entry.mode) ? [{ path, blob: entry.id }] : [];
    }),
  );
  return listed.flat();
};

interface TreeEntry {
  mode: string;
  name: string;
  id: string;
}

/** A tree object's raw entries: `<mode> SP <name> NUL <id as idBytes raw bytes>`, repeated. */
const parseTreeEntries = (content: Buffer, idBytes: number): TreeEntry[] => {
  const entries: TreeEntry[] = [];
  for (let start = 0; start < content.length;) {
    const space = content.indexOf(SPACE, start);
    const nul = content.indexOf(NUL, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > content.length) throw new Error('a tree object in the mirror is malformed');
    entries.push({
      mode: content.toString('latin1', start, space),
      name: content.toString('utf8', space + 1, nul),
      id: content.toString('hex', nul + 1, nul + 1 + idBytes),
    });
    start = nul + 1 + idBytes;
  }
  return entries;
};
