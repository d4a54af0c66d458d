import { Marked, type Token, type Tokens } from 'marked';
import markedFootnote from 'marked-footnote';
import { markedHighlight } from 'marked-highlight';
import { admonitionExtension } from './admonition-extension.ts';
import { highlightCode } from './highlight-code.ts';
import { escapeHtml } from './escape-html.ts';
import type { AnchoredHeading, AttributedImage } from './analyse-page.ts';
import { tabbedExtension } from './tabbed-extension.ts';

/** Markdown → HTML with the techdocs-core extension set. One per build: creating a Marked instance per page is slow. */
export interface MarkdownRenderer {
  /** Renders one page; `analyse` sees (and may rewrite) the page's tokens before they are turned into HTML. */
  render(markdown: string, analyse: (tokens: Token[]) => void): string;
}

const headingHtml = (token: Tokens.Heading, inner: string): string => {
  const { anchor } = token as AnchoredHeading;
  return `<h${token.depth}${anchor ? ` id="${escapeHtml(anchor)}"` : ''}>${inner}</h${token.depth}>\n`;
};

const imageHtml = (token: Tokens.Image): string => {
  const attributes = Object.entries((token as AttributedImage).attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
  return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title}${attributes}>`;
};

export const createMarkdownRenderer = (): MarkdownRenderer => {
  let analyse: ((tokens: Token[]) => void) | undefined;
  const marked = new Marked(
    { gfm: true, async: false },
    markedHighlight({ langPrefix: 'hljs language-', emptyLangClass: 'hljs', highlight: highlightCode }),
    markedFootnote(),
    {
      extensions: [admonitionExtension, tabbedExtension],
      renderer: {
        heading(token) {
          return headingHtml(token, this.parser.parseInline(token.tokens));
        },
        image: imageHtml,
      },
      hooks: {
        processAllTokens(tokens) {
          analyse?.(tokens);
          return tokens;
        },
      },
    },
  );
  return {
    render(markdown, analysePage) {
      analyse = analysePage;
      try {
        return marked.parse(markdown, { async: false });
      } finally {
        analyse = undefined;
      }
    },
  };
};
