import { describe, expect, it } from 'vitest';
import { repositoryKey } from '../../../src/http/webhooks/repository-key.ts';

describe('repositoryKey: one spelling per repository', () => {
  it.each([
    ['https://github.com/Acme/Orders.git', 'github.com/acme/orders'],
    ['https://x-access-token:secret@github.com/acme/orders/', 'github.com/acme/orders'],
    ['git@github.com:acme/orders.git', 'github.com/acme/orders'],
    ['github.com:acme/orders.git', 'github.com/acme/orders'],
    ['ssh://git@github.com:22/acme/orders.git', 'github.com/acme/orders'],
    ['git://github.com/acme/orders.git', 'github.com/acme/orders'],
    ['https://ghe.example.com/platform/catalog', 'ghe.example.com/platform/catalog'],
    ['file:///srv/git/Catalog.git', '/srv/git/Catalog'],
    ['/srv/git/Catalog.git/', '/srv/git/Catalog'],
  ])('%s → %s', (url, key) => {
    expect(repositoryKey(url)).toBe(key);
  });

  it('what is not a repository URL has no key', () => {
    expect(repositoryKey('not a url')).toBeUndefined();
  });
});
