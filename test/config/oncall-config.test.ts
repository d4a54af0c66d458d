import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';

const configFile = (text: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'callboard-oncall-config-')), 'callboard.yaml');
  writeFileSync(file, text);
  return file;
};

const errorOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
};

describe('oncall config', () => {
  it('defaults to a 2.5 s answer budget and a 60 s PagerDuty cache, with no token', () => {
    const config = loadConfig({ file: configFile('catalog:\n  sources: []\n'), env: {}, cwd: '/' });
    expect(config.oncall).toEqual({ timeoutMs: 2500, pagerduty: { cacheSeconds: 60 } });
  });

  it('reads the file’s settings and takes the token and API address from the environment only', () => {
    const file = configFile('catalog:\n  sources: []\noncall:\n  timeoutMs: 1200\n  pagerduty:\n    cacheSeconds: 5\n');
    const config = loadConfig({ file, env: { PAGERDUTY_TOKEN: 'pd-token', PAGERDUTY_API_URL: 'http://127.0.0.1:9/pd/' }, cwd: '/' });
    expect(config.oncall).toEqual({ timeoutMs: 1200, pagerduty: { cacheSeconds: 5, token: 'pd-token', apiUrl: 'http://127.0.0.1:9/pd' } });
  });

  it.each([
    ['oncall:\n  timeoutMs: -5\n', 'oncall.timeoutMs: got -5'],
    ['oncall:\n  timeoutMs: "fast"\n', 'oncall.timeoutMs: got "fast" — expected number'],
    ['oncall:\n  pagerduty:\n    cacheSeconds: 1.5\n', 'oncall.pagerduty.cacheSeconds: got 1.5'],
    ['oncall:\n  pagerduty:\n    token: abc\n', 'oncall.pagerduty: unknown key "token"'],
    ['oncall:\n  timeout: 3\n', 'oncall: unknown key "timeout"'],
  ])('names the key of a wrong value: %j', (yaml, message) => {
    expect(errorOf(() => loadConfig({ file: configFile(`catalog:\n  sources: []\n${yaml}`), env: {}, cwd: '/' }))).toContain(message);
  });

  it('refuses a PAGERDUTY_API_URL that is not an http(s) URL, naming the variable', () => {
    const file = configFile('catalog:\n  sources: []\n');
    expect(errorOf(() => loadConfig({ file, env: { PAGERDUTY_API_URL: 'api.pagerduty.com' }, cwd: '/' }))).toMatch(
      /^PAGERDUTY_API_URL: got "api\.pagerduty\.com"/,
    );
  });
});
