import { isTreeMode as isTree, type ReadGitObject } from '../sources/git/tree-object.ts';

/** A path's entry in a commit: its mode as git writes it (`100644`, `40000`, …) and its object id. */
export interface GitTreeEntry {
  mode: string;
  id: string;
}

/**
 * Commits' trees read through a running `git cat-file --batch`, each tree object once per instance: what a one-file
 * refresh needs (the paths two commits differ in, a few files of one folder) without starting another git process, and
 * without git inflating a folder of 10,000 services again for every `<commit>:<path>` it is asked for.
 */
export interface GitTrees {
  /** Whether the repository holds the commit (read once per instance: a diff to it has read it already). */
  hasCommit(commit: string): Promise<boolean>;
  /** The entry at a source-relative path (`services/a/README.md`) in a commit; undefined when there is none. */
  entryAt(commit: string, path: string): Promise<GitTreeEntry | undefined>;
  /** Paths of files (not folders) added, removed or changed (content, mode or type) between two commits: `git diff --name-only --no-renames`. */
  changedPaths(from: string, to: string): Promise<Set<string>>;
}

const NUL = 0x00;
const SPACE = 0x20;

/** One entry of a tree object: `<mode> SP <name> NUL <raw id>`, as offsets into the object. */
interface RawEntry {
  start: number;
  nameStart: number;
  nameEnd: number;
  end: number;
}

/**
 * The entry starting at `start`. Bytes are scanned in plain loops: a folder of 10,000 services is 10,000 entries, and
 * Buffer's indexOf and compare cost a native call each (milliseconds per tree).
 */
const entryAt = (tree: Buffer, start: number, idBytes: number): RawEntry => {
  let at = start;
  while (at < tree.length && tree[at] !== SPACE) at++;
  const nameStart = at + 1;
  at = nameStart;
  while (at < tree.length && tree[at] !== NUL) at++;
  if (at >= tree.length || at + 1 + idBytes > tree.length) throw new Error('a tree object git returned did not parse');
  return { start, nameStart, nameEnd: at, end: at + 1 + idBytes };
};

/** Whether `a[aStart, aEnd)` and `b[bStart, bStart + length)` hold the same bytes. */
const sameBytes = (a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number): boolean => {
  for (let offset = 0; offset < aEnd - aStart; offset++) if (a[aStart + offset] !== b[bStart + offset]) return false;
  return true;
};

const modeOf = (tree: Buffer, entry: RawEntry): string => tree.toString('latin1', entry.start, entry.nameStart - 1);
const idOf = (tree: Buffer, entry: RawEntry): string => tree.toString('hex', entry.nameEnd + 1, entry.end);

/** Git's order of tree entries: names as bytes, a folder's name as if it ended in `/` (latin1 keeps one char per byte). */
const sortKey = (tree: Buffer, entry: RawEntry): string => tree.toString('latin1', entry.nameStart, entry.nameEnd) + (isTree(modeOf(tree, entry)) ? '/' : '');

interface Tree {
  content: Buffer;
  /** Bytes of a raw object id: 20 for SHA-1, 32 for SHA-256 (from the hex id git names the tree by). */
  idBytes: number;
}

/** Trees of `readObject`'s repository, cached by id for the life of the instance (one scoring run). */
export function createGitTrees(readObject: ReadGitObject): GitTrees {
  const trees = new Map<string, Promise<Tree>>();
  const treeOf = (id: string): Promise<Tree> => {
    let tree = trees.get(id);
    if (!tree) {
      tree = readObject(id).then((object) => {
        if (object?.type !== 'tree') throw new Error(`git has no tree ${id.slice(0, 12)}`);
        return { content: object.content, idBytes: object.id.length / 2 };
      });
      trees.set(id, tree);
    }
    return tree;
  };

  const roots = new Map<string, Promise<string>>();
  const rootOf = (commit: string): Promise<string> => {
    let root = roots.get(commit);
    if (!root) {
      root = readObject(commit).then((object) => {
        const match = object?.type === 'commit' ? /^tree ([0-9a-f]{40,64})$/m.exec(object.content.toString('latin1', 0, 200)) : null;
        if (!match) throw new Error(`git has no commit ${commit.slice(0, 12)}`);
        return match[1]!;
      });
      roots.set(commit, root);
    }
    return root;
  };

  /** The entry named `name` right in the tree: a walk over the raw bytes, no strings made for the entries passed. */
  const findIn = (tree: Tree, name: string): GitTreeEntry | undefined => {
    const wanted = Buffer.from(name, 'utf8');
    for (let start = 0; start < tree.content.length;) {
      const entry = entryAt(tree.content, start, tree.idBytes);
      const length = entry.nameEnd - entry.nameStart;
      if (length === wanted.length && sameBytes(tree.content, entry.nameStart, entry.nameEnd, wanted, 0)) {
        return { mode: modeOf(tree.content, entry), id: idOf(tree.content, entry) };
      }
      start = entry.end;
    }
    return undefined;
  };

  /** Folders resolved per commit (`services/a` → its tree id): the files of one folder share the walk. */
  const folders = new Map<string, Promise<string | undefined>>();
  const folderTree = (commit: string, steps: readonly string[]): Promise<string | undefined> => {
    const key = `${commit}\u0000${steps.join('/')}`;
    let folder = folders.get(key);
    if (!folder) {
      folder =
        steps.length === 0
          ? rootOf(commit)
          : folderTree(commit, steps.slice(0, -1)).then(async (parent) => {
              if (parent === undefined) return undefined;
              const entry = findIn(await treeOf(parent), steps[steps.length - 1]!);
              return entry && isTree(entry.mode) ? entry.id : undefined;
            });
      folders.set(key, folder);
    }
    return folder;
  };

  /** Every file path under a tree (a folder added, removed, or replacing a file). */
  const addAllUnder = async (id: string, prefix: string, into: Set<string>): Promise<void> => {
    const tree = await treeOf(id);
    const below: Promise<void>[] = [];
    for (let start = 0; start < tree.content.length;) {
      const entry = entryAt(tree.content, start, tree.idBytes);
      const path = prefix + tree.content.toString('utf8', entry.nameStart, entry.nameEnd);
      if (isTree(modeOf(tree.content, entry))) below.push(addAllUnder(idOf(tree.content, entry), `${path}/`, into));
      else into.add(path);
      start = entry.end;
    }
    await Promise.all(below);
  };

  /** One side's entry that the other lacks or holds differently. */
  const addSide = (tree: Tree, entry: RawEntry, prefix: string, into: Set<string>, below: Promise<void>[]): void => {
    const path = prefix + tree.content.toString('utf8', entry.nameStart, entry.nameEnd);
    if (isTree(modeOf(tree.content, entry))) below.push(addAllUnder(idOf(tree.content, entry), `${path}/`, into));
    else into.add(path);
  };

  /**
   * Both trees' entries walked in git's order at once: an entry byte for byte the same on both sides (same mode, name
   * and id) is skipped without decoding, so a folder of 10,000 services with one changed costs a byte comparison each.
   */
  const diffTrees = async (fromId: string, toId: string, prefix: string, into: Set<string>): Promise<void> => {
    if (fromId === toId) return;
    const [from, to] = await Promise.all([treeOf(fromId), treeOf(toId)]);
    const below: Promise<void>[] = [];
    let a = 0;
    let b = 0;
    while (a < from.content.length || b < to.content.length) {
      const left = a < from.content.length ? entryAt(from.content, a, from.idBytes) : undefined;
      const right = b < to.content.length ? entryAt(to.content, b, to.idBytes) : undefined;
      if (left && right && left.end - left.start === right.end - right.start && sameBytes(from.content, left.start, left.end, to.content, right.start)) {
        a = left.end;
        b = right.end;
        continue;
      }
      const order = !left ? 1 : !right ? -1 : compareKeys(sortKey(from.content, left), sortKey(to.content, right));
      if (order < 0) {
        addSide(from, left!, prefix, into, below);
        a = left!.end;
      } else if (order > 0) {
        addSide(to, right!, prefix, into, below);
        b = right!.end;
      } else {
        // Same name and kind (both folders, or both not), different id or mode.
        const path = prefix + to.content.toString('utf8', right!.nameStart, right!.nameEnd);
        if (isTree(modeOf(to.content, right!))) below.push(diffTrees(idOf(from.content, left!), idOf(to.content, right!), `${path}/`, into));
        else into.add(path);
        a = left!.end;
        b = right!.end;
      }
    }
    await Promise.all(below);
  };

  return {
    hasCommit: (commit) =>
      rootOf(commit).then(
        () => true,
        () => false,
      ),
    async entryAt(commit, path) {
      const steps = path.split('/');
      const folder = await folderTree(commit, steps.slice(0, -1));
      return folder === undefined ? undefined : findIn(await treeOf(folder), steps[steps.length - 1]!);
    },
    async changedPaths(from, to) {
      const [fromRoot, toRoot] = await Promise.all([rootOf(from), rootOf(to)]);
      const changed = new Set<string>();
      await diffTrees(fromRoot, toRoot, '', changed);
      return changed;
    },
  };
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
