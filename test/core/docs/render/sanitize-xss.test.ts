import { describe, expect, it } from 'vitest';
import { sanitizePageHtml } from '../../../../src/core/docs/render/sanitize-page-html.ts';
import { findExecutableMarkup, xssVectors } from '../../../fixtures/docs/xss-vectors.ts';
import { buildSite, textFiles } from '../read-docs-folder.ts';

describe('docs pages against XSS filter-evasion vectors', () => {
  const files = textFiles(
    Object.fromEntries([['docs/index.md', '# Vectors\n'], ...xssVectors.map((vector, index) => [`docs/vector-${index}.md`, vector.markdown])]),
  );
  const site = buildSite(files);
  const pageOf = (index: number) => site.pages.find((page) => page.sourcePath === `vector-${index}.md`)!;

  it.each(xssVectors.map((vector, index) => [vector.name, index] as const))('%s: the rendered page has no executable construct', (_name, index) => {
    expect(findExecutableMarkup(pageOf(index).html)).toEqual([]);
  });

  it('the checker itself finds what the sanitizer removes', () => {
    expect(findExecutableMarkup('<img src=x onerror=alert(1)><a href="jav&#x09;ascript:alert(1)">x</a><svg onload=x><img src="data:image/svg+xml,x">')).toEqual(
      ['img[onerror]', 'a[href=jav\tascript:alert(1)]', '<svg>', 'svg[onload]', 'img[src=data:image/svg+xml,x]'],
    );
  });
});

describe('sanitizePageHtml keeps what pages need', () => {
  it.each([
    ['raster data images', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" />'],
    ['links to http, mailto and anchors', '<a href="https://example.com/">a</a><a href="mailto:team@example.com">b</a><a href="#top">c</a>'],
    [
      'ids, highlight.js and admonition classes',
      '<h2 id="x">X</h2><div class="admonition warning"><p class="admonition-title">W</p></div><span class="hljs-keyword">def</span>',
    ],
    ['details and summary', '<details open class="note"><summary>S</summary>body</details>'],
    ['disabled task checkboxes', '<input type="checkbox" disabled checked />'],
    ['tables with alignment', '<table><thead><tr><th align="center">a</th></tr></thead><tbody><tr><td align="right">1</td></tr></tbody></table>'],
  ])('%s', (_what, html) => {
    expect(sanitizePageHtml(html)).toBe(html);
  });

  it.each([
    ['an enabled checkbox is disabled', '<input type="checkbox" checked>', '<input type="checkbox" disabled checked />'],
    ['a text input is dropped', 'a<input type="text" value="x">b', 'ab'],
    ['an SVG data image loses its src', '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', '<img alt="x" />'],
    ['an unknown class is dropped', '<p class="admonition evil-overlay">x</p>', '<p class="admonition">x</p>'],
    ['a language class that needed escaping is dropped', '<code class="hljs language-&quot;&gt;x">c</code>', '<code class="hljs">c</code>'],
    ['a style attribute is dropped', '<p style="position:fixed">x</p>', '<p>x</p>'],
  ])('%s', (_what, html, expected) => {
    expect(sanitizePageHtml(html)).toBe(expected);
  });
});
