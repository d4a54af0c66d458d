import { describe, expect, it } from 'vitest';
import { relativeUrl, resolvePath, servedPathOf } from '../../../../src/core/docs/render/site-paths.ts';

describe('servedPathOf (mkdocs use_directory_urls)', () => {
  it.each([
    ['index.md', ''],
    ['setup.md', 'setup/'],
    ['guides/setup.md', 'guides/setup/'],
    ['guides/index.md', 'guides/'],
    ['notes.markdown', 'notes/'],
    ['reindex.md', 'reindex/'],
  ])('%s → %j', (source, served) => {
    expect(servedPathOf(source)).toBe(served);
  });
});

describe('resolvePath', () => {
  it.each([
    ['guides/', 'setup.md', 'guides/setup.md'],
    ['guides/', '../index.md', 'index.md'],
    ['guides/', './sub/', 'guides/sub/'],
    ['guides/', '..', ''],
    ['', '.', ''],
    ['a/b/', '../../x.md', 'x.md'],
    ['a//', 'x.md', 'a/x.md'],
  ])('%j + %j → %j', (folder, relative, resolved) => {
    expect(resolvePath(folder, relative)).toBe(resolved);
  });

  it('is undefined for a path that climbs out of the root', () => {
    expect(resolvePath('guides/', '../../x.md')).toBeUndefined();
  });
});

describe('relativeUrl from a served page', () => {
  it.each([
    ['', 'guides/setup/', 'guides/setup/'],
    ['guides/setup/', '', '../../'],
    ['guides/setup/', 'guides/', '../'],
    ['guides/setup/', 'guides/tabs/', '../tabs/'],
    ['guides/setup/', 'guides/setup/', './'],
    ['guides/setup/', 'images/flow.png', '../../images/flow.png'],
    ['', 'images/my flow.png', 'images/my%20flow.png'],
    ['a/b/c/', 'a/x/', '../../x/'],
  ])('%j → %j is %j', (from, target, url) => {
    expect(relativeUrl(from, target)).toBe(url);
  });
});
