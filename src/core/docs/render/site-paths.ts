/** Path arithmetic for a built site: Markdown files → served page paths (mkdocs' `use_directory_urls`) and relative links between them. */

const MARKDOWN = /\.(md|markdown)$/i;

export const isMarkdownPath = (path: string): boolean => MARKDOWN.test(path);

/** Hidden files and folders (`.pages`, `.git/…`) are neither pages nor assets, as in mkdocs. */
export const isHiddenPath = (path: string): boolean => path.split('/').some((part) => part.startsWith('.'));

/** `guides/setup.md` → `guides/setup/`, `guides/index.md` → `guides/`, `index.md` → ''. */
export const servedPathOf = (sourcePath: string): string => {
  const stem = sourcePath.replace(MARKDOWN, '');
  if (stem === 'index') return '';
  if (stem.endsWith('/index')) return stem.slice(0, -'index'.length);
  return `${stem}/`;
};

/** The folder part of a path, '' or ending in '/'. */
export const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** Joins `relative` onto `folder` and resolves `.` and `..`; undefined when the result climbs out of the root. Keeps a trailing '/'. */
export const resolvePath = (folder: string, relative: string): string | undefined => {
  const parts: string[] = [];
  const segments = `${folder}${relative}`.split('/');
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
      if (last) parts.push('');
    } else if (segment === '.' || (segment === '' && !last)) {
      if (last) parts.push('');
    } else parts.push(segment);
  }
  return parts.join('/');
};

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/**
 * The relative URL from a page served at `fromPage` ('' or ending in '/') to `target` (a served page path or
 * an asset path), so the link works wherever the site root is mounted.
 */
export const relativeUrl = (fromPage: string, target: string): string => {
  const from = fromPage.split('/').slice(0, -1);
  const to = target.split('/');
  let shared = 0;
  while (shared < from.length && shared < to.length - 1 && from[shared] === to[shared]) shared += 1;
  const url = '../'.repeat(from.length - shared) + encodePath(to.slice(shared).join('/'));
  return url === '' ? './' : url;
};
