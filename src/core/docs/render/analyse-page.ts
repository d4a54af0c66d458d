import type { Token, Tokens } from 'marked';
import type { DocsHeading, DocsSection } from '../docs-site.ts';
import { LEADING_ATTRIBUTE_LIST, parseAttributeList, TRAILING_ATTRIBUTE_LIST } from './attribute-list.ts';
import { forEachChildList } from './child-tokens.ts';
import { createLineFinder } from './line-finder.ts';
import { plainText } from './plain-text.ts';
import { rewriteHtmlLinks } from './rewrite-html-links.ts';
import { slugify, uniqueId } from './slugify.ts';
import type { TabbedSetToken } from './tabbed-extension.ts';

export type AnchoredHeading = Tokens.Heading & { anchor?: string };
export type AttributedImage = Tokens.Image & { attributes?: Record<string, string> };

/** Rewrites a link or image URL written in the page; `line` is where it was written, for warnings. */
export type RewriteUrl = (url: string, kind: 'link' | 'image', line: number) => string;

export interface PageAnalysis {
  toc: DocsHeading[];
  sections: DocsSection[];
  /** The text of the first level-1 heading, the page's title when the nav gives none. */
  firstTitle?: string;
}

/**
 * One pass over a page's tokens before they become HTML: heading anchors (mkdocs' toc rule, `{#id}` honoured),
 * links and images (Markdown or raw HTML) rewritten with their source line, image attributes (attr_list), tab-set numbers, and the plain
 * text of each section for search.
 */
export const analysePage = (tokens: Token[], source: string, rewriteUrl: RewriteUrl): PageAnalysis => {
  const findLine = createLineFinder(source);
  const taken = new Set<string>();
  const toc: DocsHeading[] = [];
  const sections: DocsSection[] = [];
  let current: DocsSection = { anchor: '', heading: '', text: '' };
  let tabSets = 0;
  const texts: string[] = [];

  const visit = (token: Token, blockOffset: number, siblings: Token[], index: number): void => {
    switch (token.type) {
      // marked-footnote's list at the top repeats the `footnote` tokens that sit where they were written.
      case 'footnotes':
        return;
      case 'heading':
        anchorHeading(token as AnchoredHeading);
        break;
      case 'link':
        token.href = rewriteUrl(token.href, 'link', findLine(token.raw, blockOffset));
        break;
      case 'image':
        attributeImage(token as AttributedImage, siblings[index + 1]);
        token.href = rewriteUrl(token.href, 'image', findLine(token.raw, blockOffset));
        break;
      case 'html': {
        let line: number | undefined;
        token.text = rewriteHtmlLinks(token.text, (url, kind) => rewriteUrl(url, kind, (line ??= findLine(token.raw, blockOffset))));
        break;
      }
      case 'tabbedSet':
        tabSets += 1;
        (token as unknown as TabbedSetToken).setIndex = tabSets;
        break;
    }
    forEachChildList(token, (children) => {
      for (let childIndex = 0; childIndex < children.length; childIndex += 1) visit(children[childIndex]!, blockOffset, children, childIndex);
    });
  };

  const anchorHeading = (heading: AnchoredHeading): void => {
    const explicitId = takeHeadingId(heading);
    const text = plainText(heading.tokens).trim();
    heading.anchor = explicitId ? uniqueId(explicitId, taken) : uniqueId(slugify(text), taken);
    toc.push({ level: heading.depth, text, anchor: heading.anchor });
  };

  for (const [index, token] of tokens.entries()) {
    // marked-footnote's list (raw "Footnotes") is not text of the page; looking it up would skip the cursor ahead.
    if (token.type === 'footnotes') continue;
    const blockOffset = findLine.offsetOf(token.raw);
    visit(token, blockOffset, tokens, index);
    if (token.type === 'heading') {
      flush();
      const heading = token as AnchoredHeading;
      current = { anchor: heading.anchor ?? '', heading: toc[toc.length - 1]?.text ?? '', text: '' };
    } else texts.push(plainText([token]));
  }
  flush();

  function flush(): void {
    const text = texts.join(' ').replace(/\s+/g, ' ').trim();
    texts.length = 0;
    if (text || current.heading) sections.push({ ...current, text });
  }

  return { toc, sections, firstTitle: toc.find((heading) => heading.level === 1)?.text };
};

/** `## Title {#custom-id}`: the id is taken and the braces removed from the heading text. */
const takeHeadingId = (heading: Tokens.Heading): string | undefined => {
  const last = heading.tokens[heading.tokens.length - 1];
  if (!last || last.type !== 'text') return undefined;
  const match = TRAILING_ATTRIBUTE_LIST.exec(last.text);
  if (!match) return undefined;
  last.text = last.text.slice(0, match.index);
  last.raw = last.text;
  if ('tokens' in last) delete (last as { tokens?: Token[] }).tokens;
  return parseAttributeList(match[1]!).id;
};

/** `![alt](src){ width="300" }`: the braces right after an image become its attributes. */
const attributeImage = (image: AttributedImage, next: Token | undefined): void => {
  if (!next || next.type !== 'text') return;
  const match = LEADING_ATTRIBUTE_LIST.exec(next.text);
  if (!match) return;
  image.attributes = parseAttributeList(match[1]!).attributes;
  next.text = next.text.slice(match[0].length);
  next.raw = next.raw.slice(match[0].length);
  if ('tokens' in next) delete (next as { tokens?: Token[] }).tokens;
};
