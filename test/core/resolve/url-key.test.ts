import { describe, expect, it } from 'vitest';
import { looksLikeUrl, urlKeyLevels, urlLookupKey } from '../../../src/core/resolve/url-key.ts';

describe('urlLookupKey', () => {
  it.each([
    ['https://github.com/acme/checkout-service', 'github.com/acme/checkout-service'],
    ['https://github.com/acme/checkout-service.git', 'github.com/acme/checkout-service'],
    ['https://github.com/acme/checkout-service/', 'github.com/acme/checkout-service'],
    ['http://www.github.com/ACME/Checkout-Service', 'github.com/acme/checkout-service'],
    ['https://github.com/acme/checkout-service/tree/main', 'github.com/acme/checkout-service'],
    ['https://github.com/acme/checkout-service/tree/main/', 'github.com/acme/checkout-service'],
    ['https://github.com/acme/mono/tree/main/services/cart/', 'github.com/acme/mono/services/cart'],
    ['https://github.com/acme/x/blob/main/catalog-info.yaml?plain=1#L3', 'github.com/acme/x/catalog-info.yaml'],
    ['https://github.com/acme/x/edit/main/catalog-info.yaml', 'github.com/acme/x/catalog-info.yaml'],
    ['git@github.com:acme/orders-service.git', 'github.com/acme/orders-service'],
    ['ssh://git@github.com/acme/orders-service', 'github.com/acme/orders-service'],
    ['ssh://git@github.com:22/acme/orders-service.git', 'github.com/acme/orders-service'],
    ['git+https://github.com/acme/x.git', 'github.com/acme/x'],
    ['github.com/acme/search-service', 'github.com/acme/search-service'],
    ['<https://github.com/acme/x|x>', 'github.com/acme/x'],
    ['<https://github.com/acme/x>', 'github.com/acme/x'],
    ['url:https://github.com/acme/x/tree/main/', 'github.com/acme/x'],
    ['https://github.com/acme/x/pull/42', 'github.com/acme/x/pull/42'],
    ['https://docs.acme.example/payments-api/', 'docs.acme.example/payments-api'],
    ['https://ghe.acme.example/acme/x/blob/main/a.md', 'ghe.acme.example/acme/x/blob/main/a.md'],
    ['https://github.acme.example/acme/x/blob/main/a.md', 'github.acme.example/acme/x/a.md'],
  ])('%s → %s', (url, key) => expect(urlLookupKey(url)).toBe(key));

  it.each(['checkout-service', 'Checkout Service', 'component:default/x', 'acme/x', 'javascript:alert(1)', 'file:/srv/x.yaml', 'dir:.', 'mailto:a@b.c', ''])(
    '%j is no link',
    (text) => {
      expect(urlLookupKey(text)).toBeUndefined();
      expect(looksLikeUrl(text)).toBe(false);
    },
  );
});

describe('urlKeyLevels', () => {
  it('walks up to the repository on GitHub, never to the organisation', () => {
    expect(urlKeyLevels('github.com/acme/x/pull/42')).toEqual(['github.com/acme/x/pull/42', 'github.com/acme/x/pull', 'github.com/acme/x']);
    expect(urlKeyLevels('github.com/acme')).toEqual(['github.com/acme']);
  });

  it('walks up to the first path segment elsewhere, never to the bare host', () => {
    expect(urlKeyLevels('docs.acme.example/payments-api/guide')).toEqual(['docs.acme.example/payments-api/guide', 'docs.acme.example/payments-api']);
    expect(urlKeyLevels('acme.example')).toEqual(['acme.example']);
  });
});
