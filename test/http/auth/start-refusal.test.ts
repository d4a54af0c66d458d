import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/run-cli.ts';

/** Runs `npm start`'s script (the compiled dist/) with this http section; returns exit status and stderr. */
const start = (http: string, env: Record<string, string> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'callboard-start-refusal-'));
  const config = join(dir, 'callboard.yaml');
  writeFileSync(config, `database:\n  path: catalog.db\ncatalog:\n  sources: []\nhttp:\n${http}`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SLACK_') && !key.startsWith('CALLBOARD_')));
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin/start.js')], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...inherited, CALLBOARD_CONFIG: config, PORT: '0', ...env },
    timeout: 20_000,
  });
  return { ...result, dir };
};

const expectOneLineRefusal = (result: ReturnType<typeof start>, text: string) => {
  expect(result.status).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(text);
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+\)/);
  // Refused before anything starts: no database was created.
  expect(existsSync(join(result.dir, 'catalog.db'))).toBe(false);
};

describe('npm start refuses to serve the docs open to the network', () => {
  it('a non-loopback host with no sign-in: one line naming the keys to set, exit 2', () => {
    expectOneLineRefusal(start('  host: 0.0.0.0\n'), 'http.host is 0.0.0.0, so the docs site would be open to the network: set http.auth.slack');
  });

  it('Sign in with Slack without SLACK_CLIENT_SECRET', () => {
    const http = '  host: 0.0.0.0\n  publicUrl: https://callboard.acme.example\n  auth:\n    slack:\n      clientId: "1234.5678"\n      teamId: T0ACME\n';
    expectOneLineRefusal(start(http), 'http.auth.slack is set but SLACK_CLIENT_SECRET is not');
  });

  it('a trusted header whose proxies are not CIDR ranges', () => {
    const http = '  host: 0.0.0.0\n  auth:\n    trustedHeader:\n      name: X-Forwarded-User\n      proxies: [proxy.internal]\n';
    expectOneLineRefusal(start(http), 'http.auth.trustedHeader.proxies: "proxy.internal" is not an address range');
  });
});
