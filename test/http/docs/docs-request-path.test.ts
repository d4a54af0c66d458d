import { describe, expect, it } from 'vitest';
import { readDocsRequestPath } from '../../../src/http/docs/docs-request-path.ts';

const read = (rawPath: string) => readDocsRequestPath({ path: '/docs/normalised', rawPath });

describe('readDocsRequestPath', () => {
  it.each([
    ['/docs/', [], true],
    ['/docs/default/component/checkout', ['default', 'component', 'checkout'], false],
    ['/docs/default/component/checkout/guides/setup/', ['default', 'component', 'checkout', 'guides', 'setup'], true],
    ['/docs/default/component/my%20service/caf%C3%A9.png', ['default', 'component', 'my service', 'café.png'], false],
    ['/docs/default/component/checkout/v1.2..3/', ['default', 'component', 'checkout', 'v1.2..3'], true],
    ['/docs/default/component/checkout/.well-known', ['default', 'component', 'checkout', '.well-known'], false],
  ])('%s → %j', (raw, segments, trailingSlash) => {
    expect(read(raw)).toEqual({ ok: true, segments, trailingSlash });
  });

  it.each([
    '/docs/a/b/c/..',
    '/docs/a/b/c/../',
    '/docs/a/b/c/.',
    '/docs/a/b/c/%2e%2e/',
    '/docs/a/b/c/%2E%2e/',
    '/docs/a/b/c/.%2E/',
    '/docs/a/b/c/%2e/',
    '/docs/a/b/c/%252e%252e/',
    '/docs/a/b/c/%25252e/',
    '/docs/a/b/c/x%252fy',
    '/docs/a/b/c\\..\\',
    '/docs/a/b/c/%5c..%5c',
    '/docs/a/b/c/%5C',
    '/docs/a/b/c/x%2fy',
    '/docs/a/b/c/x%2Fy',
    '/docs/a/b/c/x%00',
    '/docs/a/b/c/x\u0000',
    '/docs/a/b/c/x%0a',
    '/docs/a/b/c//etc/passwd',
    '/docs//a/b/c/',
    '/docs/a/b/c/%2fetc/passwd',
    '/docs/a/b/c/C:/x',
    '/docs/a/b/c/c%3A/x',
    '/docs/a/b/c/%E0%A4%A',
    '/elsewhere/a/b/c/',
    '/docsx/a/b/c/',
  ])('refuses %s', (raw) => {
    expect(read(raw)).toEqual({ ok: false });
  });

  it('reads the normalised path when the server gave no raw one (a handler called with no port)', () => {
    expect(readDocsRequestPath({ path: '/docs/a/b/c/' })).toEqual({ ok: true, segments: ['a', 'b', 'c'], trailingSlash: true });
  });
});
