import { describe, expect, it } from 'vitest';
import { describeRepoUrl } from '../../../src/scaffolder/run/repository-named.ts';

describe('describeRepoUrl', () => {
  it.each([
    ['github.com?owner=acme&repo=new-service', 'github.com/acme/new-service'],
    ['dev.azure.com?organization=acme&project=web&repo=site', 'dev.azure.com/acme/site'],
    ['bitbucket.org?workspace=team&project=P&repo=lib', 'bitbucket.org/team/lib'],
    ['github.com?owner=a%20b&repo=x', 'github.com/a b/x'],
    ['github.com?owner=acme', 'github.com?owner=acme'],
    ['github.com', 'github.com'],
  ])('%s → %s', (repoUrl, shown) => {
    expect(describeRepoUrl(repoUrl)).toBe(shown);
  });
});
