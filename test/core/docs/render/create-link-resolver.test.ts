import { describe, expect, it } from 'vitest';
import { createLinkResolver } from '../../../../src/core/docs/render/create-link-resolver.ts';

const pages = new Map([
  ['index.md', ''],
  ['guides/index.md', 'guides/'],
  ['guides/setup.md', 'guides/setup/'],
  ['my page.md', 'my page/'],
]);
const links = createLinkResolver(pages, new Set(['images/flow.png', 'files/report.pdf']));

describe('createLinkResolver from guides/setup.md (served at guides/setup/)', () => {
  const resolve = (href: string, kind: 'link' | 'image' = 'link') => links.resolve(href, 'guides/setup.md', 'guides/setup/', kind);

  it.each([
    ['https://example.com/a.md', 'https://example.com/a.md'],
    ['mailto:team@example.com', 'mailto:team@example.com'],
    ['//cdn.example.com/x.png', '//cdn.example.com/x.png'],
    ['#install', '#install'],
    ['/absolute/path', '/absolute/path'],
    ['../index.md', '../../'],
    ['../index.md#top', '../../#top'],
    ['index.md', '../'],
    ['./', '../'],
    ['../guides', '../'],
    ['setup.md?tab=2#x', './?tab=2#x'],
    ['../my%20page.md', '../../my%20page/'],
    ['../files/report.pdf', '../../files/report.pdf'],
  ])('%s → %s', (href, url) => {
    expect(resolve(href)).toEqual({ ok: true, url });
  });

  it.each([
    ['missing.md', 'link missing.md: no page guides/missing.md in the docs'],
    ['../nope/', 'link ../nope/: no page nope/ in the docs (add nope/index.md)'],
    ['../other', 'link ../other: no file other in the docs'],
    ['../../../x.md', 'link ../../../x.md points outside the docs folder'],
  ])('%s is a problem', (href, problem) => {
    expect(resolve(href)).toEqual({ ok: false, problem });
  });

  it('names images as images', () => {
    expect(resolve('../images/gone.png', 'image')).toEqual({ ok: false, problem: 'image ../images/gone.png: no file images/gone.png in the docs' });
    expect(resolve('../images/flow.png', 'image')).toEqual({ ok: true, url: '../../images/flow.png' });
  });
});
