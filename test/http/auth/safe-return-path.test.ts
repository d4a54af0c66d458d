import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../../src/http/auth/safe-return-path.ts';

describe('safeReturnPath', () => {
  it.each([
    ['/docs/default/component/checkout/', '/docs/default/component/checkout/'],
    ['/docs/search?q=retry#top', '/docs/search?q=retry#top'],
    ['/docs/a/../b/', '/docs/b/'],
  ])('keeps the local path %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    ['protocol-relative', '//evil.example/docs'],
    ['absolute URL', 'https://evil.example/docs'],
    ['dot segment before //', '/.//evil.example'],
    ['parent segment before //', '/docs/..//evil.example'],
    ['encoded dot before //', '/%2e//evil.example'],
    ['backslash', '/\\evil.example'],
    ['backslash later', '/docs\\..\\..\\/evil'],
    ['tab inside //', '/\t/evil.example'],
    ['newline', '/docs\nLocation: https://evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['relative', 'docs/'],
    ['empty', ''],
    ['missing', null],
    ['too long', `/${'a'.repeat(5000)}`],
  ])('refuses %s → /docs', (_name, input) => {
    expect(safeReturnPath(input)).toBe('/docs');
  });
});
