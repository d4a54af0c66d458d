import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, importJWK, SignJWT, UnsecuredJWT, type CryptoKey, type JWK } from 'jose';

/** The person the fake signs in, whatever workspace the app asked for (so a wrong-workspace answer can be tested). */
export interface SlackOidcUser {
  userId: string;
  teamId: string;
  teamName: string;
  name: string;
  email: string;
}

export interface SlackOidcServerOptions {
  clientId: string;
  clientSecret: string;
  /** The app's `oauth_config.redirect_urls`: authorize refuses any other redirect_uri, as Slack does. */
  redirectUrls: string[];
  user: SlackOidcUser;
}

/** How the next id_tokens are spoiled, for the tests that must see them refused. */
export interface TokenTampering {
  /** Claims that replace (or, as undefined, remove) the real ones: `aud`, `nonce`, `iss`, `exp`, team... */
  claims?: Record<string, unknown>;
  /** Sign with a key that is not in the JWKS, under the published key id or an unknown one. */
  signWith?: 'foreign-key-same-kid' | 'foreign-key-unknown-kid';
  /** Not RS256: unsigned (`alg: none`), or HS256 keyed with the published public key (algorithm confusion). */
  alg?: 'none' | 'HS256-public-key';
}

export interface RecordedOidcRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The form fields of a token request. */
  form?: Record<string, string>;
  contentType?: string;
}

interface IssuedCode {
  redirectUri: string;
  nonce: string | undefined;
  used: boolean;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

const newKey = async (kid: string): Promise<SigningKey> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const json = (response: ServerResponse, body: Record<string, unknown>): void =>
  void response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));

/** Slack shows a person an error page for a bad authorize request; the fake answers 400 with the error code. */
const errorPage = (response: ServerResponse, error: string): void => void response.writeHead(400, { 'content-type': 'text/plain' }).end(error);

/**
 * A strict local stand-in for Slack's OpenID Connect endpoints (Sign in with Slack): authorize, token and keys,
 * on real HTTP. Refuses what Slack refuses: an unknown client_id, a redirect_uri not registered or not the same at
 * both steps, a wrong secret, a code used twice, a body that is not a form. id_tokens are RS256 JWTs signed with a
 * key generated at start and published as a JWKS, carrying Slack's claims.
 */
export class SlackOidcServer {
  readonly requests: RecordedOidcRequest[] = [];
  tampering: TokenTampering = {};
  private readonly codes = new Map<string, IssuedCode>();
  private server: Server | undefined;
  private baseUrl = '';

  private constructor(
    private readonly options: SlackOidcServerOptions,
    private readonly key: SigningKey,
    private readonly foreign: SigningKey,
  ) {}

  static async start(options: SlackOidcServerOptions): Promise<SlackOidcServer> {
    const fake = new SlackOidcServer(options, await newKey('slack-fake-1'), await newKey('slack-fake-1'));
    fake.server = createServer((request, response) => {
      fake.handle(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    fake.baseUrl = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Base URL, to be passed where https://slack.com would be. */
  get url(): string {
    return this.baseUrl;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const recorded: RecordedOidcRequest = { method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams) };
    if (request.headers['content-type']) recorded.contentType = request.headers['content-type'];
    this.requests.push(recorded);
    if (request.method === 'GET' && url.pathname === '/openid/connect/authorize') return this.authorize(url.searchParams, response);
    if (request.method === 'POST' && url.pathname === '/api/openid.connect.token') return this.token(request, recorded, response);
    if (request.method === 'GET' && url.pathname === '/openid/connect/keys') return json(response, { keys: [this.key.publicJwk] });
    response.writeHead(404, { 'content-type': 'text/plain' }).end(`no such endpoint ${request.method} ${url.pathname}`);
  }

  private authorize(params: URLSearchParams, response: ServerResponse): void {
    if (params.get('client_id') !== this.options.clientId) return errorPage(response, 'invalid_client_id');
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!this.options.redirectUrls.includes(redirectUri)) return errorPage(response, 'bad_redirect_uri');
    if (params.get('response_type') !== 'code') return errorPage(response, 'invalid_response_type');
    if (!(params.get('scope') ?? '').split(' ').includes('openid')) return errorPage(response, 'invalid_scope');
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { redirectUri, nonce: params.get('nonce') ?? undefined, used: false });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = params.get('state');
    if (state !== null) back.searchParams.set('state', state);
    response.writeHead(302, { location: back.href }).end();
  }

  private async token(request: IncomingMessage, recorded: RecordedOidcRequest, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
      return json(response, { ok: false, error: 'invalid_form_data' });
    const form = Object.fromEntries(new URLSearchParams(body));
    recorded.form = form;
    if (form.client_id !== this.options.clientId) return json(response, { ok: false, error: 'invalid_client_id' });
    if (form.client_secret !== this.options.clientSecret) return json(response, { ok: false, error: 'bad_client_secret' });
    if (form.grant_type !== undefined && form.grant_type !== 'authorization_code') return json(response, { ok: false, error: 'invalid_grant_type' });
    const issued = form.code ? this.codes.get(form.code) : undefined;
    if (!issued || issued.used) return json(response, { ok: false, error: 'invalid_code' });
    issued.used = true;
    if (form.redirect_uri !== issued.redirectUri) return json(response, { ok: false, error: 'bad_redirect_uri' });
    json(response, { ok: true, access_token: `xoxp-fake-${randomBytes(8).toString('hex')}`, token_type: 'Bearer', id_token: await this.idToken(issued) });
  }

  private async idToken(issued: IssuedCode): Promise<string> {
    const { user, clientId } = this.options;
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: 'https://slack.com',
      sub: user.userId,
      aud: clientId,
      exp: now + 3600,
      iat: now,
      auth_time: now,
      ...(issued.nonce !== undefined ? { nonce: issued.nonce } : {}),
      'https://slack.com/user_id': user.userId,
      'https://slack.com/team_id': user.teamId,
      'https://slack.com/team_name': user.teamName,
      email: user.email,
      email_verified: true,
      name: user.name,
      ...this.tampering.claims,
    };
    const payload = Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
    if (this.tampering.alg === 'none') return new UnsecuredJWT(payload).encode();
    if (this.tampering.alg === 'HS256-public-key') {
      const publicPem = await exportSPKI((await importJWK(this.key.publicJwk, 'RS256', { extractable: true })) as CryptoKey);
      return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: this.key.kid, typ: 'JWT' }).sign(new TextEncoder().encode(publicPem));
    }
    const signer = this.tampering.signWith ? this.foreign : this.key;
    const kid = this.tampering.signWith === 'foreign-key-unknown-kid' ? 'not-published' : signer.kid;
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(signer.privateKey);
  }
}
