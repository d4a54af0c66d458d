import { describe, expect, it } from 'vitest';
import { parseSourcePath, resolveSourcePath } from '../../../src/core/scorecards/resolve-source-path.ts';

describe('resolveSourcePath', () => {
  it.each<[string, string, string]>([
    ['services/a/catalog-info.yaml', 'README.md', 'services/a/README.md'],
    ['services/a/catalog-info.yaml', './docs/index.md', 'services/a/docs/index.md'],
    ['services/a/catalog-info.yaml', '../shared/README.md', 'services/shared/README.md'],
    ['services/a/catalog-info.yaml', '/README.md', 'README.md'],
    ['services/a/catalog-info.yaml', '/docs//runbook.md', 'docs/runbook.md'],
    ['catalog-info.yaml', 'README.md', 'README.md'],
    ['/catalog-info.yaml', 'README.md', 'README.md'],
    ['./team/catalog-info.yaml', 'x/../y.md', 'team/y.md'],
  ])('%s + %s → %s', (catalogFile, path, resolved) => {
    expect(resolveSourcePath(catalogFile, path)).toEqual({ ok: true, path: resolved });
  });

  it.each<[string, string, RegExp]>([
    ['services/a/catalog-info.yaml', '../../../etc/passwd', /leaves the source root/],
    ['catalog-info.yaml', '../README.md', /leaves the source root/],
    ['catalog-info.yaml', '/../README.md', /leaves the source root/],
    ['a/catalog-info.yaml', 'x/../../..', /names a folder/],
    ['a/catalog-info.yaml', 'docs/', /names a folder/],
    ['a/catalog-info.yaml', '.', /names a folder/],
    ['a/catalog-info.yaml', '', /empty/],
    ['a/catalog-info.yaml', 'docs\\x.md', /write \//],
    ['a/catalog-info.yaml', 'file:///etc/passwd', /not a URL/],
    ['../outside/catalog-info.yaml', 'README.md', /not a path inside the source/],
  ])('refuses %s + %s', (catalogFile, path, message) => {
    const resolved = resolveSourcePath(catalogFile, path);
    expect(resolved.ok).toBe(false);
    expect(resolved.ok ? '' : resolved.message).toMatch(message);
  });

  it('judges relative paths only against a catalog file, root paths at once', () => {
    expect(parseSourcePath('../../x.md').ok).toBe(true);
    expect(parseSourcePath('/../x.md').ok).toBe(false);
  });
});
