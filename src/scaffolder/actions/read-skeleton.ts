import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join, posix, relative, resolve, sep } from 'node:path';
import { isBinaryFile } from 'isbinaryfile';
import { InvalidInputError } from '../../core/errors.ts';
import type { SkeletonEntry } from '../../core/scaffolder/skeleton/skeleton-entry.ts';

/** What one skeleton may hold; a bigger one is refused before anything is written. */
export const skeletonLimits = { entries: 20_000, bytes: 200 * 1024 * 1024 };

/**
 * Reads a skeleton folder as fetch:template sees it: every file, folder and symlink (links are not followed), in
 * path order, each file flagged binary by isbinaryfile as Backstage does. A symlink that points outside the
 * skeleton is an error naming it.
 */
export async function readSkeleton(root: string): Promise<SkeletonEntry[]> {
  const entries: SkeletonEntry[] = [];
  let bytes = 0;
  const walk = async (folder: string): Promise<void> => {
    const names = (await readdir(folder)).sort();
    for (const name of names) {
      const full = join(folder, name);
      const path = relative(root, full).split(sep).join('/');
      if (entries.length >= skeletonLimits.entries) throw tooBig(root, `more than ${skeletonLimits.entries} files and folders`);
      const stats = await lstat(full);
      if (stats.isSymbolicLink()) {
        const target = await readlink(full);
        checkLinkInside(root, full, path, target);
        entries.push({ type: 'symlink', path, target });
      } else if (stats.isDirectory()) {
        entries.push({ type: 'directory', path });
        await walk(full);
      } else if (stats.isFile()) {
        bytes += stats.size;
        if (bytes > skeletonLimits.bytes) throw tooBig(root, `more than ${skeletonLimits.bytes / 1024 / 1024} MB`);
        const content = await readFile(full);
        entries.push({ type: 'file', path, content, binary: await isBinaryFile(content, content.length), mode: stats.mode });
      }
    }
  };
  await walk(root);
  return entries;
}

function checkLinkInside(root: string, full: string, path: string, target: string): void {
  const landing = relative(root, resolve(full, '..', target));
  if (!posix.isAbsolute(target) && landing !== '..' && !landing.startsWith(`..${sep}`)) return;
  throw new InvalidInputError(
    `skeleton symlink "${path}" points to "${target}", outside the skeleton: replace the link with the file itself, or point it inside the skeleton`,
    { fieldErrors: { url: `symlink ${path} points outside the skeleton` } },
  );
}

const tooBig = (root: string, what: string): InvalidInputError =>
  new InvalidInputError(`the skeleton at ${root} holds ${what}: split the template, or copy big files with fetch:plain`, {
    fieldErrors: { url: `skeleton holds ${what}` },
  });
