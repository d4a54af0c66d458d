import type { BuiltDocsSite, DocsPage, DocsWarning } from './docs-site.ts';
import { buildConfiguredNav, buildDefaultNav } from './render/build-docs-nav.ts';
import { unsupportedExtensions } from './render/check-markdown-extensions.ts';
import { collectDocsFiles, type SourcePage } from './render/collect-docs-files.ts';
import { createEditUrl } from './render/create-edit-url.ts';
import { createLinkResolver } from './render/create-link-resolver.ts';
import { createMarkdownRenderer } from './render/create-markdown-renderer.ts';
import { navTitles } from './render/page-titles.ts';
import { readMkdocsConfig, type MkdocsConfig } from './render/read-mkdocs-config.ts';
import { renderDocsPage } from './render/render-docs-page.ts';

export interface DocsBuildInput {
  entityRef: string;
  /** site_name default when mkdocs.yml has none or there is no mkdocs.yml */
  entityName: string;
  /** Every file under the docs root (the folder techdocs-ref points to), '/'-separated paths relative to it. */
  files: ReadonlyMap<string, Uint8Array>;
  /** The docs root relative to the source root ('' for the root): prefixes DocsWarning.file. */
  rootInSource: string;
  /** Web URL of the docs root folder in the source's repository (for "Edit this page" when mkdocs.yml has no repo_url/edit_uri). */
  editBase?: string;
  repoUrl?: string;
  maxPageBytes: number;
}

export type DocsBuildResult = { ok: true; site: BuiltDocsSite } | { ok: false; error: string };

const CONFIG_FILES = ['mkdocs.yaml', 'mkdocs.yml'];
const utf8 = new TextDecoder('utf-8');

/**
 * Builds one entity's TechDocs site from its docs folder, the way techdocs-core would: mkdocs.yml (or Backstage's
 * defaults), every Markdown page rendered and sanitized, relative links rewritten, assets kept. Problems an author
 * should fix are warnings; only an unreadable mkdocs.yml, a docs_dir outside the root, an oversized page or a
 * folder without pages fail the build.
 */
export const buildDocsSite = (input: DocsBuildInput): DocsBuildResult => {
  const inSource = sourcePathPrefix(input.rootInSource);
  const warnings: DocsWarning[] = [];
  const warn = (filePath: string, line: number | undefined, message: string): void => {
    warnings.push({ file: inSource(filePath), ...(line !== undefined ? { line } : {}), message });
  };
  const configured = readConfig(input.files, inSource, warn);
  if (!configured.ok) return configured;
  const config = configured.config;
  const files = collectDocsFiles(input.files, config.docsDir);
  files.skipped.forEach(({ filePath, message }) => warn(filePath, undefined, message));
  if (files.pages.length === 0) {
    return {
      ok: false,
      error: `${inSource(config.docsDir)}/ has no Markdown pages; add ${inSource(config.docsDir)}/index.md or ${inSource('README.md')}`,
    };
  }
  const tooBig = files.pages.find((page) => page.bytes.byteLength > input.maxPageBytes);
  if (tooBig) return { ok: false, error: pageTooBig(inSource(tooBig.filePath), tooBig.bytes.byteLength, input.maxPageBytes) };
  if (!files.pages.some((page) => page.servedPath === ''))
    warn(config.docsDir, undefined, `${inSource(config.docsDir)}/ has no index.md or README.md, so the site has no home page`);
  const pages = renderPages(files.pages, files.assets, config, input, warn);
  const navPages = pages.map((page) => ({ sourcePath: page.sourcePath, servedPath: page.path, title: page.title }));
  const nav = config.nav ? buildConfiguredNav(config.nav, navPages, (line, message) => warn(configured.file!, line, message)) : buildDefaultNav(navPages);
  const repoUrl = config.repoUrl ?? input.repoUrl;
  return {
    ok: true,
    site: {
      entityRef: input.entityRef,
      siteName: config.siteName ?? input.entityName,
      nav,
      pages,
      assets: files.assets,
      warnings,
      ...(repoUrl ? { repoUrl } : {}),
    },
  };
};

type Warn = (filePath: string, line: number | undefined, message: string) => void;

/** mkdocs.yaml (checked first) or mkdocs.yml; without either, Backstage's generated default (`docs_dir: docs`). */
const readConfig = (
  files: ReadonlyMap<string, Uint8Array>,
  inSource: (path: string) => string,
  warn: Warn,
): { ok: true; config: MkdocsConfig; file?: string } | { ok: false; error: string } => {
  const file = CONFIG_FILES.find((name) => files.has(name));
  if (!file) return { ok: true, config: { docsDir: 'docs', extensions: [] } };
  const result = readMkdocsConfig(utf8.decode(files.get(file)), inSource(file));
  if (!result.ok) return result;
  result.warnings.forEach(({ line, message }) => warn(file, line, message));
  for (const { name, line } of unsupportedExtensions(result.config.extensions)) {
    warn(file, line, `markdown_extensions: ${name} is not supported; pages are rendered without it`);
  }
  return { ok: true, config: result.config, file };
};

const renderPages = (sources: SourcePage[], assets: BuiltDocsSite['assets'], config: MkdocsConfig, input: DocsBuildInput, warn: Warn): DocsPage[] => {
  const context = {
    renderer: createMarkdownRenderer(),
    links: createLinkResolver(new Map(sources.map((page) => [page.sourcePath, page.servedPath])), new Set(assets.map((asset) => asset.path))),
    editUrlOf: createEditUrl({ repoUrl: config.repoUrl, editUri: config.editUri, editBase: input.editBase, docsDir: config.docsDir }),
    navTitles: navTitles(config.nav),
    warn,
  };
  return sources.flatMap((source) => renderDocsPage(source, context) ?? []);
};

const sourcePathPrefix = (rootInSource: string): ((path: string) => string) => {
  const root = rootInSource.replace(/^\.?\/+|\/+$/g, '').replace(/^\.$/, '');
  return (path) => (root ? `${root}/${path}` : path);
};

const MB = 1024 * 1024;
const megabytes = (bytes: number): string => `${Number((bytes / MB).toFixed(1))}`;

const pageTooBig = (file: string, bytes: number, limit: number): string =>
  `${file} is ${megabytes(bytes)} MB, larger than the ${megabytes(limit)} MB limit (docs.maxPageBytes); split the page or raise docs.maxPageBytes`;
