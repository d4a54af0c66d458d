import type { DocsAsset } from '../docs-site.ts';
import { contentTypeOf } from './content-types.ts';
import { folderOf, isHiddenPath, isMarkdownPath, servedPathOf } from './site-paths.ts';

/** A Markdown file to render: where it sits, where it is served, and its bytes. */
export interface SourcePage {
  /** Relative to docs_dir (`index.md` for a README used as the home page). */
  sourcePath: string;
  /** Relative to the docs root: where the file really is, for warnings and edit links. */
  filePath: string;
  /** '' or ending in '/'. */
  servedPath: string;
  bytes: Uint8Array;
}

export interface DocsFiles {
  pages: SourcePage[];
  assets: DocsAsset[];
  /** Files left out, with why (a README beside an index.md, two files served at one path). */
  skipped: { filePath: string; message: string }[];
}

const README = /(^|\/)readme\.(md|markdown)$/i;
const INDEX = /(^|\/)index\.(md|markdown)$/i;

/**
 * The pages and assets under `docsDir` (hidden files skipped). A README stands in for a folder's missing
 * index.md, as in mkdocs; without a home page, the root README.md or readme.md is used (Backstage's fallback).
 */
export const collectDocsFiles = (files: ReadonlyMap<string, Uint8Array>, docsDir: string): DocsFiles => {
  const prefix = `${docsDir}/`;
  const inside = [...files.keys()].filter((path) => path.startsWith(prefix) && !isHiddenPath(path.slice(prefix.length))).sort();
  const markdown = inside.filter(isMarkdownPath).map((path) => path.slice(prefix.length));
  const folderIndexes = new Set(markdown.filter((path) => INDEX.test(path)).map(folderOf));
  const pages: SourcePage[] = [];
  const skipped: DocsFiles['skipped'] = [];
  const served = new Map<string, string>();
  // Index files first, so a `guides/index.md` wins `guides/` over a `guides.md`.
  const ordered = [...markdown.filter((path) => INDEX.test(path)), ...markdown.filter((path) => !INDEX.test(path))];
  for (const sourcePath of ordered) {
    const asIndex = README.test(sourcePath) && !folderIndexes.has(folderOf(sourcePath));
    if (README.test(sourcePath) && !asIndex) {
      skipped.push({
        filePath: prefix + sourcePath,
        message: `${prefix + sourcePath} is not served: ${folderOf(prefix + sourcePath)}index.md is that folder's page`,
      });
      continue;
    }
    const servedPath = asIndex ? folderOf(sourcePath) : servedPathOf(sourcePath);
    const taken = served.get(servedPath);
    if (taken !== undefined) {
      skipped.push({ filePath: prefix + sourcePath, message: `${prefix + sourcePath} is not served: ${prefix + taken} is served at the same address` });
      continue;
    }
    served.set(servedPath, sourcePath);
    if (asIndex) folderIndexes.add(folderOf(sourcePath));
    pages.push({ sourcePath, filePath: prefix + sourcePath, servedPath, bytes: files.get(prefix + sourcePath)! });
  }
  const home = served.has('') ? undefined : rootReadme(files);
  if (home) pages.push({ sourcePath: 'index.md', filePath: home, servedPath: '', bytes: files.get(home)! });
  const assets = inside
    .filter((path) => !isMarkdownPath(path))
    .map((path) => ({ path: path.slice(prefix.length), contentType: contentTypeOf(path), data: files.get(path)! }));
  return { pages: pages.sort((a, b) => compareServed(a.servedPath, b.servedPath)), assets, skipped };
};

const rootReadme = (files: ReadonlyMap<string, Uint8Array>): string | undefined => ['README.md', 'readme.md'].find((name) => files.has(name));

const compareServed = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
