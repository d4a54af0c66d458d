import type { GitObject } from './parse-batch-output.ts';

/** One object by id or name from a running `git cat-file --batch` (undefined when the repository lacks it). */
export type ReadGitObject = (name: string) => Promise<GitObject | undefined>;

const TYPE_BITS = 0o170000;
const TREE = 0o040000;
const REGULAR = 0o100000;

/**
 * Git reads a raw tree mode by its type bits: old trees hold `100664` or a zero-padded `040000`, which ls-tree shows
 * as `100644` and `40000`, so a folder or file written that way is still one. Every reader of tree objects asks here.
 */
const typeOf = (mode: string): number => Number.parseInt(mode, 8) & TYPE_BITS;

export const isTreeMode = (mode: string): boolean => typeOf(mode) === TREE;

/** A regular file (not a symlink, whose "content" is a link target, nor a submodule, another repository). */
export const isRegularFileMode = (mode: string): boolean => typeOf(mode) === REGULAR;
