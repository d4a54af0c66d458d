import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.ts';
import { openDocsAccess } from '../../../src/http/auth/open-docs-access.ts';
import { openRevokedSessions } from './sign-in-harness.ts';

const database = () => ({ path: join(mkdtempSync(join(tmpdir(), 'callboard-open-access-')), 'callboard.db'), origin: 'test' });
const slackHttp = { host: '0.0.0.0', port: 0, publicUrl: 'https://cb.acme.example', auth: { slack: { clientId: '1.2', teamId: 'T0ACME' } } };

const revocations = openRevokedSessions(':memory:');
afterAll(() => revocations.close());

describe('openDocsAccess', () => {
  it('with Sign in with Slack: keeps a generated session key beside the database and has the sign-in routes', () => {
    const db = database();
    const access = openDocsAccess({ http: slackHttp, database: db }, { env: { SLACK_CLIENT_SECRET: 'secret' }, revocations: revocations.store });
    expect(existsSync(join(db.path, '..', 'session.key'))).toBe(true);
    expect(access.routes.map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /auth/slack/start',
      'GET /auth/slack/callback',
      'GET /auth/sign-out',
      'POST /auth/sign-out',
    ]);
  });

  it('refuses before writing anything when the configuration is incomplete', () => {
    const db = database();
    expect(() => openDocsAccess({ http: slackHttp, database: db }, { env: {}, revocations: revocations.store })).toThrow(InvalidInputError);
    expect(existsSync(join(db.path, '..', 'session.key'))).toBe(false);
  });

  it('on loopback without sign-in: no key, no routes', () => {
    const db = database();
    expect(openDocsAccess({ http: { host: '127.0.0.1', port: 0 }, database: db }, { env: {}, revocations: revocations.store }).routes).toEqual([]);
    expect(existsSync(join(db.path, '..', 'session.key'))).toBe(false);
  });
});
