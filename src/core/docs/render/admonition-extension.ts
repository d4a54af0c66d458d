import type { TokenizerAndRendererExtension, Token } from 'marked';
import { escapeHtml } from './escape-html.ts';
import { takeIndentedBlock } from './indented-block.ts';

/**
 * python-markdown's admonition (`!!! note "Title"`) and pymdownx.details (`??? note`, `???+ note` open), which
 * techdocs-core turns on. Hand-written: no marked extension renders mkdocs' syntax and markup.
 */
export interface AdmonitionToken {
  type: 'admonition';
  raw: string;
  kinds: string[];
  /** `undefined`: the capitalised kind; `''` (written `""`): no title bar. */
  title?: string;
  collapsible: boolean;
  open: boolean;
  tokens: Token[];
}

const OPENING = /^(!!!|\?\?\?\+?)[ \t]*([\w-]+(?:[ \t]+[\w-]+)*)[ \t]*(?:"([^"\n]*)")?[ \t]*(?:\n|$)/;

// marked asks where the next admonition starts once per block, with the rest of the page: a plain search for the
// markers finds the first candidate line, and the line rule is checked from there instead of from every line.
const MARKER_LINE = /^ {0,3}(?:!!!|\?\?\?)/gm;

const findStart = (src: string): number | undefined => {
  const bang = src.indexOf('!!!');
  const question = src.indexOf('???');
  const first = bang < 0 ? question : question < 0 ? bang : Math.min(bang, question);
  if (first < 0) return undefined;
  MARKER_LINE.lastIndex = src.lastIndexOf('\n', first) + 1;
  return MARKER_LINE.exec(src)?.index;
};

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

export const admonitionExtension: TokenizerAndRendererExtension = {
  name: 'admonition',
  level: 'block',
  start: findStart,
  tokenizer(src) {
    const opening = OPENING.exec(src);
    if (!opening) return undefined;
    const block = takeIndentedBlock(src, opening[0].length);
    const marker = opening[1]!;
    const token: AdmonitionToken = {
      type: 'admonition',
      raw: src.slice(0, opening[0].length + block.length),
      kinds: opening[2]!.toLowerCase().split(/[ \t]+/),
      title: opening[3],
      collapsible: marker.startsWith('???'),
      open: marker === '???+',
      tokens: [],
    };
    this.lexer.blockTokens(block.body, token.tokens);
    return token;
  },
  renderer(token) {
    const { kinds, title, collapsible, open, tokens } = token as unknown as AdmonitionToken;
    const heading = escapeHtml(title ?? capitalise(kinds[0]!));
    const body = this.parser.parse(tokens);
    const classes = kinds.map(escapeHtml).join(' ');
    if (collapsible) return `<details class="${classes}"${open ? ' open' : ''}><summary>${heading || capitalise(kinds[0]!)}</summary>\n${body}</details>\n`;
    const bar = heading ? `<p class="admonition-title">${heading}</p>\n` : '';
    return `<div class="admonition ${classes}">\n${bar}${body}</div>\n`;
  },
};
