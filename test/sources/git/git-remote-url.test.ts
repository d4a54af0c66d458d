import { describe, expect, it } from 'vitest';
import { describeGitTransport } from '../../../src/sources/git/git-remote-url.ts';

describe('describeGitTransport: the transport git itself would choose', () => {
  it.each([
    ['git.example.com:acme/repo.git', 'ssh (scp-style host:path)'],
    ['git@github.com:acme/repo.git', 'ssh (scp-style host:path)'],
    ['deploy@git.example.com:/srv/repo.git', 'ssh (scp-style host:path)'],
    ['host:repo', 'ssh (scp-style host:path)'],
    ['ssh://git@git.example.com/acme/repo.git', 'ssh'],
    ['git+ssh://git.example.com/acme/repo.git', 'ssh'],
    ['https://github.com/acme/repo.git', 'https'],
    ['HTTPS://github.com/acme/repo.git', 'https'],
    ['http://git.internal/acme/repo.git', 'http'],
    ['git://git.example.com/acme/repo.git', 'git'],
    ['file:///srv/repos/catalog.git', 'file'],
    ['codecommit://my-repo', 'codecommit (remote helper)'],
    ['/srv/repos/catalog.git', 'local path'],
    ['./foo:bar', 'local path'],
    ['repos/a:b', 'local path'],
    ['../catalog', 'local path'],
    ['catalog', 'local path'],
    ['C:/repos/catalog', 'local path'],
    ['C:\\repos\\catalog', 'local path'],
  ])('%s → %s', (url, transport) => {
    expect(describeGitTransport(url)).toBe(transport);
  });
});
