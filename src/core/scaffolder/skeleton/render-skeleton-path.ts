import { posix } from 'node:path';
import { InvalidInputError } from '../../errors.ts';

/**
 * Where a rendered path lands, relative to the target folder: `skip` when a segment rendered empty (Backstage's
 * conditional files: an empty path, a leading `/`, or `//`), else the normalised path. A path that climbs out of
 * the target folder (`../`, from a value or a file name) is an error naming the skeleton entry.
 */
export function placeRenderedPath(rendered: string, sourcePath: string): { skip: true } | { skip: false; path: string } {
  if (rendered === '' || rendered.startsWith('/') || rendered.includes('//') || rendered.endsWith('/')) return { skip: true };
  if (rendered.includes('\0')) throw outside(sourcePath, rendered, 'contains a NUL character');
  const path = posix.normalize(rendered);
  if (path === '..' || path.startsWith('../')) throw outside(sourcePath, rendered, 'is outside the target folder');
  if (path === '.') return { skip: true };
  return { skip: false, path };
}

/** A link must stay inside what the skeleton writes: relative, and not climbing above the target folder. */
export function checkSymlinkTarget(path: string, target: string, sourcePath: string): void {
  const landing = posix.normalize(posix.join(posix.dirname(path), target));
  if (posix.isAbsolute(target) || landing === '..' || landing.startsWith('../')) {
    throw new InvalidInputError(
      `skeleton symlink "${sourcePath}" points to "${target}", outside the skeleton: replace the link with the file itself, or point it inside the skeleton`,
      { fieldErrors: { url: `symlink ${sourcePath} points outside the skeleton` } },
    );
  }
}

const outside = (sourcePath: string, rendered: string, why: string): InvalidInputError =>
  new InvalidInputError(
    `skeleton entry "${sourcePath}" renders to the path "${rendered}", which ${why}: check the values used in its name (a value with "../" or "/")`,
    { fieldErrors: { values: `the path of ${sourcePath} ${why}` } },
  );
