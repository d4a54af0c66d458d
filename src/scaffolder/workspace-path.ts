import { lstat, readlink, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep, win32 } from 'node:path';
import { InvalidInputError } from '../core/errors.ts';

/** More links than this in one path is a loop (Linux gives up at 40 too). */
const maxLinks = 40;

/**
 * Resolves a path a template gave (an action input such as `targetPath`, or a skeleton's rendered path) inside the
 * run's workspace, and returns its absolute location there. Absolute paths, `..` that climbs out, and symlinks
 * already in the workspace that lead out (a write through them would land outside) are errors naming the input.
 */
export async function resolveWorkspacePath(workspace: string, path: string, inputName: string): Promise<string> {
  const refuse = (why: string): InvalidInputError =>
    new InvalidInputError(`${inputName} "${path}" ${why}; give a path relative to the workspace, such as "./" or "docs/index.md"`, {
      fieldErrors: { [inputName]: `"${path}" ${why}` },
    });
  if (path.includes('\0')) throw refuse('contains a NUL character');
  if (isAbsolute(path) || win32.isAbsolute(path)) throw refuse('is an absolute path');
  const root = await realpath(workspace);
  const rel = relative(root, resolve(root, path));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw refuse('is outside the workspace');
  const landing = await findLanding(root, rel === '' ? [] : rel.split(sep), 0);
  if (landing === undefined) throw refuse('goes through a loop of symlinks');
  if (!isInside(root, landing)) throw refuse(`goes through a symlink to ${landing}, outside the workspace`);
  return join(root, rel);
}

export const isInside = (root: string, path: string): boolean => path === root || path.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);

/** Where `base/segments…` really lands, following every symlink that exists on the way; undefined on a link loop. */
async function findLanding(base: string, segments: readonly string[], links: number): Promise<string | undefined> {
  let current = base;
  for (const [index, segment] of segments.entries()) {
    const next = join(current, segment);
    const stats = await lstat(next).catch(() => undefined);
    if (stats === undefined) return join(next, ...segments.slice(index + 1));
    if (stats.isSymbolicLink()) {
      if (links >= maxLinks) return undefined;
      const target = resolve(current, await readlink(next));
      return findLanding('/', [...target.split(sep).filter((part) => part !== ''), ...segments.slice(index + 1)], links + 1);
    }
    current = next;
  }
  return current;
}
