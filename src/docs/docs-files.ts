/**
 * Which files of a docs root a build reads: mkdocs.yml (or .yaml), the README fallbacks at the root, and everything
 * under `docs_dir`. Code next to a `dir:.` root is neither read nor part of the content key, so a commit that
 * touches only code never rebuilds the docs.
 */

export const ROOT_FILES = ['mkdocs.yaml', 'mkdocs.yml', 'README.md', 'readme.md'] as const;

/**
 * `docs_dir` of mkdocs.yml, read with a line match rather than a YAML parser: mkdocs.yml often carries Python tags
 * (`!!python/name:…`) that parsers refuse, and the builder reports a bad file itself. Undefined when it leaves the
 * root (the builder refuses it with the reason).
 */
export const findDocsDir = (mkdocs: string | undefined): string | undefined => {
  const match = mkdocs === undefined ? null : /^docs_dir[ \t]*:[ \t]*(['"]?)([^'"#\r\n]*?)\1[ \t]*(?:#.*)?$/m.exec(mkdocs);
  const dir = (match?.[2] ?? 'docs').trim().replace(/\\/g, '/');
  if (dir.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const part of dir.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  return parts.length === 0 ? undefined : parts.join('/');
};

/** `folder/path` for a root ('' is the source root). */
export const inRoot = (root: string, path: string): string => (root === '' ? path : `${root}/${path}`);
