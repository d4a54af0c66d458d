import type { TokenizerAndRendererExtension, Token } from 'marked';
import { takeIndentedBlock } from './indented-block.ts';

/**
 * pymdownx.tabbed (`=== "Tab"`), which techdocs-core turns on. Hand-written: no marked extension reads this syntax.
 * Rendered as pymdownx's radio-input markup, which CSS alone (`input:checked + label + .tabbed-content`) turns into
 * tabs, keyboard-usable and with no JavaScript; without the stylesheet every tab simply shows in order.
 */
export interface TabToken {
  type: 'tab';
  raw: string;
  title: string;
  titleTokens: Token[];
  selected: boolean;
  tokens: Token[];
}

export interface TabbedSetToken {
  type: 'tabbedSet';
  raw: string;
  tabs: TabToken[];
  /** Numbered per page by the page analysis (ids `__tabbed_<set>_<tab>` must be unique on the page). */
  setIndex: number;
}

// Sticky (`y`) so each tab is matched where the previous one ended, without copying the rest of the page.
const OPENING = /===([!+]{0,2})[ \t]+"([^"\n]*)"[ \t]*(?:\n|$)/y;
const BLANK_LINES = /(?:[ \t]*\n)*/y;

// As for admonitions: a plain search for `===` finds the first candidate line before the line rule is checked.
const OPENING_LINE = /^===[!+]{0,2}[ \t]+"/gm;

const findStart = (src: string): number | undefined => {
  const first = src.indexOf('===');
  if (first < 0) return undefined;
  OPENING_LINE.lastIndex = src.lastIndexOf('\n', first) + 1;
  return OPENING_LINE.exec(src)?.index;
};

const matchAt = (pattern: RegExp, src: string, index: number): RegExpExecArray | null => {
  pattern.lastIndex = index;
  return pattern.exec(src);
};

export const tabbedExtension: TokenizerAndRendererExtension = {
  name: 'tabbedSet',
  level: 'block',
  childTokens: ['tabs'],
  start: findStart,
  tokenizer(src) {
    const tabs: TabToken[] = [];
    let offset = 0;
    for (;;) {
      const tabStart = tabs.length === 0 ? 0 : offset + matchAt(BLANK_LINES, src, offset)![0].length;
      const opening = matchAt(OPENING, src, tabStart);
      // `===!` starts a new set, so it ends this one.
      if (!opening || (tabs.length > 0 && opening[1]!.includes('!'))) break;
      const bodyStart = tabStart + opening[0].length;
      const block = takeIndentedBlock(src, bodyStart);
      tabs.push({
        type: 'tab',
        raw: src.slice(tabStart, bodyStart + block.length),
        title: opening[2]!,
        titleTokens: this.lexer.inline(opening[2]!),
        selected: opening[1]!.includes('+'),
        tokens: this.lexer.blockTokens(block.body, []),
      });
      offset = bodyStart + block.length;
    }
    if (tabs.length === 0) return undefined;
    const token: TabbedSetToken = { type: 'tabbedSet', raw: src.slice(0, offset), tabs, setIndex: 0 };
    return token;
  },
  renderer(token) {
    const { tabs, setIndex } = token as unknown as TabbedSetToken;
    const chosen = Math.max(
      0,
      tabs.findIndex((tab) => tab.selected),
    );
    const name = `__tabbed_${setIndex}`;
    const parts = tabs.map((tab, index) => {
      const id = `${name}_${index + 1}`;
      const checked = index === chosen ? ' checked' : '';
      const label = this.parser.parseInline(tab.titleTokens);
      return `<input type="radio" name="${name}" id="${id}"${checked}><label for="${id}">${label}</label>\n<div class="tabbed-content">\n${this.parser.parse(tab.tokens)}</div>\n`;
    });
    return `<div class="tabbed-set">\n${parts.join('')}</div>\n`;
  },
};
