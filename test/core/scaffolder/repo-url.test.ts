import { describe, expect, it } from 'vitest';
import { parseRepoUrl as parseRepoUrlFilter } from '../../../src/core/scaffolder/filters.ts';
import { formatRepoUrl, parseRepoUrl as parsePickerValue } from '../../../src/core/scaffolder/form/repo-url-value.ts';
import { readRepoUrl } from '../../../src/core/scaffolder/repo-url.ts';

describe('readRepoUrl (the RepoUrlPicker value, read as Backstage reads it: the URL https://<value>)', () => {
  it('gives the host as the URL parser makes it and the decoded query', () => {
    const read = readRepoUrl('GitHub.com:8443/ignored?owner=acme%20co&repo=svc');
    expect(read.host).toBe('github.com:8443');
    expect(Object.fromEntries(read.params)).toEqual({ owner: 'acme co', repo: 'svc' });
    expect(read.href).toBe('https://github.com:8443/ignored?owner=acme%20co&repo=svc');
  });

  it('throws the URL parser’s error on text that is no host', () => {
    expect(() => readRepoUrl('?owner=a&repo=b')).toThrow(TypeError);
    expect(() => readRepoUrl('git hub.com?owner=a')).toThrow(TypeError);
  });
});

describe('the form and the parseRepoUrl filter read a value the same way', () => {
  it.each([
    'github.com?owner=acme&repo=svc',
    'GitHub.com?owner=acme&repo=svc',
    'github.com/extra/path?owner=acme&repo=svc',
    ' github.com?owner=acme&repo=svc',
    formatRepoUrl({ host: 'github.com', owner: 'a&b', repo: 'r=1' }),
  ])('%s', (value) => {
    const filter = parseRepoUrlFilter(value.trim());
    const form = parsePickerValue(value);
    expect(form).toMatchObject({ host: filter.host, owner: filter.owner, repo: filter.repo });
  });

  it('the form has no value where the filter refuses the text as a URL', () => {
    expect(() => parseRepoUrlFilter('git hub.com?owner=a&repo=b')).toThrow(/Invalid repo URL/);
    expect(parsePickerValue('git hub.com?owner=a&repo=b')).toBeUndefined();
  });
});
