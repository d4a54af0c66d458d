import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InvalidInputError } from '../../core/errors.ts';
import { isInside } from '../workspace-path.ts';
import type { TemplateLocation } from '../template-location.ts';

export interface FolderTemplateLocationOptions {
  /** Absolute local folder of the source's root (a dir source's folder, a checkout of a commit). */
  sourceRoot: string;
  /** The template file's folder, relative to `sourceRoot` with forward slashes ('' for the root). */
  templateFolder: string;
  /** Maps an absolute URL that points into this very source to a source-relative path; undefined otherwise. */
  pathOfUrl?: (url: string) => string | undefined;
  /** Makes a source-relative path present locally before it is read (a lazy checkout); default nothing to do. */
  materialise?: (path: string) => Promise<void>;
  release?: () => Promise<void>;
}

const hasScheme = (url: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[a-z]:[\\/]/i.test(url);

/**
 * A template location over a local folder: relative `url`s resolve against the template's folder and may not
 * leave the source, neither by `..` nor through a symlink; absolute URLs must point into the same source.
 */
export function createFolderTemplateLocation(options: FolderTemplateLocationOptions): TemplateLocation {
  const { sourceRoot } = options;
  const templateDir = join(sourceRoot, options.templateFolder);
  const refuse = (url: string, why: string): InvalidInputError =>
    new InvalidInputError(`url "${url}" ${why}: use a path relative to the template file, inside its source`, { fieldErrors: { url: `${url} ${why}` } });

  const sourcePathOf = (url: string): string => {
    if (hasScheme(url)) {
      const path = options.pathOfUrl?.(url);
      if (path === undefined) throw refuse(url, "is not inside the template's own source (Callboard reads only synced sources)");
      return path;
    }
    if (isAbsolute(url)) throw refuse(url, 'is an absolute path');
    const path = relative(sourceRoot, resolve(templateDir, url));
    if (path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) throw refuse(url, "is outside the template's source");
    return path.split(sep).join('/');
  };

  return {
    templateDir,
    sourceRoot,
    async resolve(url) {
      const path = sourcePathOf(url);
      await options.materialise?.(path);
      const local = join(sourceRoot, path);
      const real = await realpath(local).catch(() => undefined);
      if (real !== undefined && !isInside(await realpath(sourceRoot), real)) throw refuse(url, "leads through a symlink outside the template's source");
      return local;
    },
    release: options.release ?? (async () => undefined),
  };
}
