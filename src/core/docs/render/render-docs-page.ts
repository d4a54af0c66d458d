import type { DocsPage } from '../docs-site.ts';
import { analysePage, type PageAnalysis } from './analyse-page.ts';
import type { SourcePage } from './collect-docs-files.ts';
import type { LinkResolver } from './create-link-resolver.ts';
import type { MarkdownRenderer } from './create-markdown-renderer.ts';
import { readFrontMatter } from './front-matter.ts';
import { titleFromPath } from './page-titles.ts';
import { sanitizePageHtml } from './sanitize-page-html.ts';

export interface PageRenderContext {
  renderer: MarkdownRenderer;
  links: LinkResolver;
  editUrlOf: (filePath: string) => string | undefined;
  navTitles: ReadonlyMap<string, string>;
  /** A warning on this page's file (relative to the docs root) at a line. */
  warn: (filePath: string, line: number | undefined, message: string) => void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** One Markdown file → a served page: rendered, links rewritten, sanitized, with its title, toc and search sections. */
export const renderDocsPage = (source: SourcePage, context: PageRenderContext): DocsPage | undefined => {
  const text = decodeUtf8(source.bytes);
  if (text === undefined) {
    context.warn(source.filePath, undefined, `${source.filePath} is not UTF-8 text; the page is left out (save it as UTF-8)`);
    return undefined;
  }
  const { title: metaTitle, markdown } = readFrontMatter(text.replace(/\r\n?/g, '\n'));
  let analysis: PageAnalysis = { toc: [], sections: [] };
  const html = context.renderer.render(markdown, (tokens) => {
    analysis = analysePage(tokens, markdown, (url, kind, line) => {
      const resolved = context.links.resolve(url, source.sourcePath, source.servedPath, kind);
      if (resolved.ok) return resolved.url;
      context.warn(source.filePath, line, resolved.problem);
      return url;
    });
  });
  const editUrl = context.editUrlOf(source.filePath);
  return {
    path: source.servedPath,
    sourcePath: source.sourcePath,
    title: context.navTitles.get(source.sourcePath) ?? metaTitle ?? analysis.firstTitle ?? titleFromPath(source.sourcePath),
    html: sanitizePageHtml(html),
    toc: analysis.toc,
    sections: analysis.sections,
    ...(editUrl ? { editUrl } : {}),
  };
};

const decodeUtf8 = (bytes: Uint8Array): string | undefined => {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
};
