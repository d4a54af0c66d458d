import type { GitObject } from '../sources/git/parse-batch-output.ts';

/** A regular file under a docs tree: its path relative to that tree and its blob id. */
export interface DocsTreeFile {
  path: string;
  blob: string;
}

/** What the walk needs from the object reader: one object by id, through the mirror's `git cat-file --batch`. */
export type ReadGitObject = (name: string) => Promise<GitObject | undefined>;

const SPACE = 0x20;
const NUL = 0x00;

/**
 * Every regular file under the tree `treeId`, in `git ls-tree -r` order (depth first, entries in tree order), read
 * through the batch reader the docs run already has open rather than a `git ls-tree` process per docs root. Sub-trees
 * are asked for all at once, so a folder costs one round trip to git, not one per sub-folder. Symlinks and submodules
 * are left out, as ls-tree's listing was filtered: their "content" is a link target or another repository.
 */
export const listDocsTree = async (read: ReadGitObject, treeId: string, prefix = ''): Promise<DocsTreeFile[]> => {
  const tree = await read(treeId);
  if (tree?.type !== 'tree') throw new Error(`tree ${treeId} is not in the mirror`);
  const entries = parseTreeEntries(tree.content, treeId.length / 2);
  const listed = await Promise.all(
    entries.map(async (entry): Promise<DocsTreeFile[]> => {
      const path = `${prefix}${entry.name}`;
      const type = fileTypeOf(entry.mode);
      if (type === TREE) return listDocsTree(read, entry.id, `${path}/`);
      return type === REGULAR ? [{ path, blob: entry.id }] : [];
    }),
  );
  return listed.flat();
};

const TYPE_BITS = 0o170000;
const TREE = 0o040000;
const REGULAR = 0o100000;

/**
 * The file type of a raw tree mode. Git reads modes by their type bits (old trees hold `100664` or a zero-padded
 * `040000`, which ls-tree shows as `100644` and `40000`), so a folder or file written that way is still listed.
 */
const fileTypeOf = (mode: string): number => Number.parseInt(mode, 8) & TYPE_BITS;

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
