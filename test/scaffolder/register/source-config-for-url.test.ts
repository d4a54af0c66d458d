import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.ts';
import { sourceConfigForUrl, type LocalPathKind } from '../../../src/scaffolder/register/source-config-for-url.ts';

const disk: Record<string, LocalPathKind> = {
  '/srv/repos/acme/new-service.git': 'git',
  '/srv/catalog': 'dir',
  '/srv/catalog/team.yaml': 'file',
};
const inspect = (path: string): LocalPathKind => disk[path] ?? 'missing';
const configFor = (url: string) => sourceConfigForUrl(url, inspect);

describe('sourceConfigForUrl', () => {
  it('reads a GitHub repository URL as a git source on its root catalog-info.yaml, with one id however it is spelled', () => {
    const expected = {
      id: 'registered:github.com/acme/payments',
      config: { type: 'git', id: 'registered:github.com/acme/payments', url: 'https://github.com/acme/payments.git', patterns: ['catalog-info.yaml'] },
    };
    expect(configFor('https://github.com/acme/payments')).toEqual(expected);
    expect(configFor('https://github.com/acme/payments.git')).toEqual(expected);
    expect(configFor(' <https://github.com/acme/payments/> ')).toEqual(expected);
  });

  it('reads a …/blob/<branch>/<path> URL as that file on that branch, listing only its folder', () => {
    expect(configFor('https://github.com/acme/mono/blob/release/services/pay/catalog-info.yaml').config).toEqual({
      type: 'git',
      id: 'registered:github.com/acme/mono#release:services/pay/catalog-info.yaml',
      url: 'https://github.com/acme/mono.git',
      branch: 'release',
      patterns: ['services/pay/catalog-info.yaml'],
      paths: ['services/pay'],
    });
    // HEAD means the default branch; GitLab's /-/blob/ works the same.
    expect(configFor('https://github.com/acme/mono/blob/HEAD/catalog-info.yaml').config).toMatchObject({ patterns: ['catalog-info.yaml'] });
    expect(configFor('https://github.com/acme/mono/blob/HEAD/catalog-info.yaml').config).not.toHaveProperty('branch');
    expect(configFor('https://gitlab.example.com/grp/app/-/blob/main/catalog-info.yaml').config).toMatchObject({
      url: 'https://gitlab.example.com/grp/app.git',
      branch: 'main',
    });
  });

  it('takes other Git URLs as given', () => {
    expect(configFor('git@github.com:acme/payments.git').config).toMatchObject({
      type: 'git',
      url: 'git@github.com:acme/payments.git',
      patterns: ['catalog-info.yaml'],
    });
    expect(configFor('ssh://git@git.example.com/acme/payments.git').id).toBe('registered:git@git.example.com/acme/payments');
    expect(configFor('https://dev.azure.com/org/project/_git/repo').config).toMatchObject({ url: 'https://dev.azure.com/org/project/_git/repo' });
  });

  it("reads the local Git host's file URLs (repoContentsUrl + path) as that file of the bare repository", () => {
    expect(configFor('file:///srv/repos/acme/new-service.git/blob/master/catalog-info.yaml').config).toEqual({
      type: 'git',
      id: 'registered:/srv/repos/acme/new-service.git#master:catalog-info.yaml',
      url: '/srv/repos/acme/new-service.git',
      branch: 'master',
      patterns: ['catalog-info.yaml'],
    });
    expect(configFor('/srv/repos/acme/new-service.git').config).toMatchObject({ type: 'git', url: '/srv/repos/acme/new-service.git' });
  });

  it('reads a plain local folder or file as a dir source', () => {
    expect(configFor('/srv/catalog').config).toEqual({ type: 'dir', id: 'registered:/srv/catalog', path: '/srv/catalog', patterns: ['**/catalog-info.yaml'] });
    expect(configFor('/srv/catalog/team.yaml').config).toEqual({
      type: 'dir',
      id: 'registered:/srv/catalog/team.yaml',
      path: '/srv/catalog',
      patterns: ['team.yaml'],
    });
  });

  it('refuses what it cannot read safely, saying why and which forms work', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['--upload-pack=evil', /starts with "-"/],
      ['https://bot:s3cret@github.com/acme/x', /credentials/],
      ['relative/path', /must be absolute/],
      ['/srv/nothing-here', /nothing exists at \/srv\/nothing-here/],
      ['/srv/../etc', /must not contain ".."/],
      ['/srv/catalog/blob/main/x.yaml', /nothing exists/],
      ['https://github.com/', /names no repository/],
      ['file://fileserver/srv/catalog-info.yaml', /not a file URL of this machine/],
    ];
    for (const [url, message] of cases) {
      expect(() => configFor(url), url).toThrow(InvalidInputError);
      expect(() => configFor(url), url).toThrow(message);
    }
    expect(() => configFor('https://bot:s3cret@github.com/acme/x')).toThrow(/a Git URL/);
  });

  it('from Slack (remoteOnly) takes remote URLs only: a path on the server is refused, pointing at `callboard register <path>`', () => {
    const looked: string[] = [];
    const fromSlack = (url: string) => sourceConfigForUrl(url, (path) => (looked.push(path), inspect(path)), { remoteOnly: true });
    expect(fromSlack('https://github.com/acme/payments').config).toMatchObject({ type: 'git', url: 'https://github.com/acme/payments.git' });
    expect(fromSlack('https://github.com/acme/payments/blob/main/catalog-info.yaml').config).toMatchObject({ type: 'git', patterns: ['catalog-info.yaml'] });
    expect(fromSlack('git@github.com:acme/payments.git').config).toMatchObject({ type: 'git', url: 'git@github.com:acme/payments.git' });
    for (const url of [
      '/srv/catalog',
      '/srv/repos/acme/new-service.git',
      'file:///srv/repos/acme/new-service.git/blob/main/catalog-info.yaml',
      '/srv/nothing-here',
      'relative/path',
    ]) {
      expect(() => fromSlack(url), url).toThrow(InvalidInputError);
      expect(() => fromSlack(url), url).toThrow(`\`callboard register ${url}\` run on the server`);
    }
    expect(looked).toEqual([]);
  });
});
