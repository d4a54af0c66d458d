import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.ts';
import { loadSessionKey, sessionKeyFile } from '../../../src/http/auth/session-key.ts';

const databasePath = () => join(mkdtempSync(join(tmpdir(), 'callboard-session-key-')), 'data', 'callboard.db');

describe('loadSessionKey', () => {
  it('generates a key beside the database, readable by its owner only, and reuses it after a restart', () => {
    const path = databasePath();
    const first = loadSessionKey({ env: {}, databasePath: path });
    const file = sessionKeyFile(path);
    expect(file).toBe(join(path, '..', 'session.key'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(loadSessionKey({ env: {}, databasePath: path }).equals(first)).toBe(true);
  });

  it('takes CALLBOARD_SESSION_SECRET instead, and writes no file', () => {
    const path = databasePath();
    const secret = 'x'.repeat(40);
    expect(loadSessionKey({ env: { CALLBOARD_SESSION_SECRET: secret }, databasePath: path }).toString()).toBe(secret);
    expect(() => statSync(sessionKeyFile(path))).toThrow();
  });

  it('refuses a short secret, naming it and what to use', () => {
    expect(() => loadSessionKey({ env: { CALLBOARD_SESSION_SECRET: 'short' }, databasePath: databasePath() })).toThrow(
      new InvalidInputError(
        'CALLBOARD_SESSION_SECRET is 5 characters: use at least 32 random characters (e.g. openssl rand -hex 32), or unset it to use a generated key',
      ),
    );
  });

  it('tightens a key file others can read, and refuses one that holds no key', () => {
    const path = databasePath();
    const key = loadSessionKey({ env: {}, databasePath: path });
    chmodSync(sessionKeyFile(path), 0o644);
    expect(loadSessionKey({ env: {}, databasePath: path }).equals(key)).toBe(true);
    expect(statSync(sessionKeyFile(path)).mode & 0o777).toBe(0o600);
    writeFileSync(sessionKeyFile(path), 'not hex');
    expect(() => loadSessionKey({ env: {}, databasePath: path })).toThrow(/does not hold a session key/);
    expect(readFileSync(sessionKeyFile(path), 'utf8')).toBe('not hex');
  });
});
