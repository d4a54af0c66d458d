import { describe, expect, it } from 'vitest';
import { rewriteHtmlLinks } from '../../../../src/core/docs/render/rewrite-html-links.ts';
import { buildSite, textFiles } from '../read-docs-folder.ts';

const served = (url: string, kind: 'link' | 'image'): string => `/served/${kind}/${url}`;

describe('rewriteHtmlLinks', () => {
  it.each([
    ['<a href="setup.md">', '<a href="/served/link/setup.md">'],
    ["<a class='x' href='setup.md#install'>", "<a class='x' href='/served/link/setup.md#install'>"],
    ['<A HREF = "setup.md" title="t">', '<A HREF = "/served/link/setup.md" title="t">'],
    ['<img alt="flow" src="images/flow.png" width="300">', '<img alt="flow" src="/served/image/images/flow.png" width="300">'],
    ['<p>before <a href="a.md">a</a> and <img src="b.png"></p>', '<p>before <a href="/served/link/a.md">a</a> and <img src="/served/image/b.png"></p>'],
    [`<a title='see href="a.md"' href="b.md">`, `<a title='see href="a.md"' href="/served/link/b.md">`],
    ['<img alt="x src=\'a.png\'" data-src="c.png" src="b.png">', '<img alt="x src=\'a.png\'" data-src="c.png" src="/served/image/b.png">'],
    ['<a href="a.md" href="b.md">', '<a href="/served/link/a.md" href="b.md">'],
  ])('rewrites the href of <a> and the src of <img>: %s', (html, expected) => {
    expect(rewriteHtmlLinks(html, served)).toBe(expected);
  });

  it.each([
    ['no tags at all', 'plain text'],
    ['an unquoted value', '<a href=setup.md>'],
    ['a value with character references', '<a href="a.md?x=1&amp;y=2">'],
    ['other tags and attributes', '<abbr title="setup.md">x</abbr><img data-src="a.png"><area href="a.md">'],
    ['an href written only inside another value', `<a title=' href="a.md"'>`],
    ['a first href without a quoted value', '<a href=a.md href="b.md">'],
  ])('leaves %s as written', (_case, html) => {
    expect(rewriteHtmlLinks(html, served)).toBe(html);
  });

  it('keeps a value as written when the rewritten URL would close its quotes', () => {
    expect(rewriteHtmlLinks(`<a href='a.md'>`, () => "it's")).toBe(`<a href='a.md'>`);
  });
});

describe('buildDocsSite: raw HTML links', () => {
  const site = buildSite(
    textFiles({
      'docs/index.md': [
        '# Home',
        '',
        '<div class="center"><a href="guides/setup.md#install">setup</a> <img src="images/flow.png" alt="flow"></div>',
        '',
        'Inline <a href="guides/setup.md">set up</a> and <a href="https://example.com/x.md">out</a>.',
        '',
        '<a href="gone.md">gone</a>',
        '',
      ].join('\n'),
      'docs/guides/setup.md': '# Setup\n\n## Install\n\nBack <a href="../index.md">home</a>.\n',
      'docs/images/flow.png': 'png',
    }),
  );
  const html = (path: string): string => site.pages.find((page) => page.path === path)!.html;

  it('rewrites them to the served site, as Markdown links are, and leaves external ones alone', () => {
    expect(html('')).toContain('<a href="guides/setup/#install">setup</a>');
    expect(html('')).toContain('<img src="images/flow.png" alt="flow" />');
    expect(html('')).toContain('Inline <a href="guides/setup/">set up</a>');
    expect(html('')).toContain('<a href="https://example.com/x.md">out</a>');
    expect(html('guides/setup/')).toContain('Back <a href="../../">home</a>');
  });

  it('warns about a raw HTML link to a missing page, with its line', () => {
    expect(site.warnings).toEqual([{ file: 'docs/index.md', line: 7, message: 'link gone.md: no page gone.md in the docs' }]);
  });
});
