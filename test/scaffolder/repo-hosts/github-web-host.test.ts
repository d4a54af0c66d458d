import { describe, expect, it } from 'vitest';
import { createTemplateEngine } from '../../../src/core/scaffolder/expressions.ts';
import { githubWebHost, templateRepoHosts } from '../../../src/scaffolder/repo-hosts/github-web-host.ts';

describe('githubWebHost', () => {
  it.each([
    ['https://api.github.com', 'github.com'],
    ['https://ghe.example.com/api/v3', 'ghe.example.com'],
    ['https://GHE.example.com:8443/api/v3/', 'ghe.example.com:8443'],
    ['https://api.acme.ghe.com', 'acme.ghe.com'],
  ])('%s → %s', (apiUrl, host) => {
    expect(githubWebHost(apiUrl)).toBe(host);
  });
});

describe('templateRepoHosts', () => {
  it('lets parseRepoUrl read a GitHub Enterprise repoUrl once GITHUB_API_URL names the server, and not before', () => {
    const expression = { repo: "${{ 'ghe.example.com?owner=acme&repo=svc' | parseRepoUrl }}" };
    const enterprise = createTemplateEngine({ repoHosts: templateRepoHosts('https://ghe.example.com/api/v3') });
    expect(enterprise.renderValue(expression, {})).toEqual({ repo: { host: 'ghe.example.com', owner: 'acme', repo: 'svc' } });
    expect(templateRepoHosts(undefined)['ghe.example.com']).toBeUndefined();
    expect(() => createTemplateEngine({ repoHosts: templateRepoHosts(undefined) }).renderValue(expression, {})).toThrow(/ghe\.example\.com/);
  });
});
