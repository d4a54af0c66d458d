import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackOidcServer } from './slack-oidc-server.ts';

const REDIRECT = 'https://callboard.acme.example/auth/slack/callback';
let slack: SlackOidcServer;
beforeAll(async () => {
  slack = await SlackOidcServer.start({
    clientId: 'client-1',
    clientSecret: 'secret-1',
    redirectUrls: [REDIRECT],
    user: { userId: 'U1', teamId: 'T1', teamName: 'Acme', name: 'Alice', email: 'alice@acme.example' },
  });
});
afterAll(() => slack.close());

const authorize = async (params: Record<string, string>) => {
  const query = new URLSearchParams({ response_type: 'code', scope: 'openid profile email', client_id: 'client-1', redirect_uri: REDIRECT, ...params });
  return fetch(`${slack.url}/openid/connect/authorize?${query}`, { redirect: 'manual' });
};
const codeFrom = async (params: Record<string, string> = {}) => new URL((await authorize(params)).headers.get('location')!).searchParams.get('code')!;
const token = async (form: Record<string, string>, asJson = false) => {
  const body = asJson ? JSON.stringify(form) : new URLSearchParams(form);
  const response = await fetch(`${slack.url}/api/openid.connect.token`, {
    method: 'POST',
    body,
    ...(asJson ? { headers: { 'content-type': 'application/json' } } : {}),
  });
  return (await response.json()) as { ok: boolean; error?: string; id_token?: string };
};

describe('SlackOidcServer', () => {
  it('authorize refuses an unknown client, an unregistered redirect_uri, and a request that is not a code flow', async () => {
    for (const [params, error] of [
      [{ client_id: 'other' }, 'invalid_client_id'],
      [{ redirect_uri: 'https://evil.example/cb' }, 'bad_redirect_uri'],
      [{ response_type: 'token' }, 'invalid_response_type'],
      [{ scope: 'profile' }, 'invalid_scope'],
    ] as const) {
      const response = await authorize(params);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe(error);
    }
  });

  it('sends the browser back with a code and the state', async () => {
    const back = new URL((await authorize({ state: 's-1' })).headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('s-1');
    expect(back.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
  });

  it("token answers Slack's errors: not a form, wrong secret, wrong client, another redirect_uri, a code used twice", async () => {
    const form = { client_id: 'client-1', client_secret: 'secret-1', redirect_uri: REDIRECT };
    expect(await token({ ...form, code: await codeFrom() }, true)).toEqual({ ok: false, error: 'invalid_form_data' });
    expect(await token({ ...form, client_secret: 'nope', code: await codeFrom() })).toEqual({ ok: false, error: 'bad_client_secret' });
    expect(await token({ ...form, client_id: 'other', code: await codeFrom() })).toEqual({ ok: false, error: 'invalid_client_id' });
    expect(await token({ ...form, redirect_uri: `${REDIRECT}?x=1`, code: await codeFrom() })).toEqual({ ok: false, error: 'bad_redirect_uri' });
    expect(await token({ ...form, code: 'never-issued' })).toEqual({ ok: false, error: 'invalid_code' });
    const code = await codeFrom();
    expect((await token({ ...form, code })).ok).toBe(true);
    expect(await token({ ...form, code })).toEqual({ ok: false, error: 'invalid_code' });
  });

  it("issues an RS256 id_token that verifies against its JWKS, with the nonce and Slack's claims", async () => {
    const answer = await token({ client_id: 'client-1', client_secret: 'secret-1', redirect_uri: REDIRECT, code: await codeFrom({ nonce: 'n-1' }) });
    const keys = (await (await fetch(`${slack.url}/openid/connect/keys`)).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(answer.id_token!, createLocalJWKSet(keys), { issuer: 'https://slack.com', audience: 'client-1' });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: 'U1',
      nonce: 'n-1',
      'https://slack.com/team_id': 'T1',
      'https://slack.com/user_id': 'U1',
      name: 'Alice',
      email: 'alice@acme.example',
    });
  });
});
