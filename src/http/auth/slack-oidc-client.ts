import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

/** Slack's OpenID Connect endpoints hang off one base URL; tests point it at a local fake. */
export const SLACK_OIDC_BASE_URL = 'https://slack.com';
/** The issuer Slack puts in every id_token, whatever base URL the endpoints were reached at. */
export const SLACK_ISSUER = 'https://slack.com';

export const slackOidcUrls = (baseUrl: string) => {
  const base = baseUrl.replace(/\/+$/, '');
  return { authorize: `${base}/openid/connect/authorize`, token: `${base}/api/openid.connect.token`, keys: `${base}/openid/connect/keys` };
};

export interface SlackIdentity {
  userId: string;
  teamId: string;
  teamName?: string;
  name?: string;
  nonce: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Why a sign-in failed: Slack refused the code, or what it sent back did not verify. */
export type SignInOutcome = { ok: true; value: SlackIdentity } | { ok: false; stage: 'token' | 'id_token'; error: string };

export interface SlackOidcClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  now: () => number;
  fetch: typeof fetch;
}

/** Exchanges an authorization code for tokens at `openid.connect.token`: Slack answers 200 with `ok: false` on errors. */
const exchangeCode = async (options: SlackOidcClientOptions, code: string, redirectUri: string): Promise<Outcome<string>> => {
  const form = new URLSearchParams({ client_id: options.clientId, client_secret: options.clientSecret, code, redirect_uri: redirectUri });
  let answer: { ok?: unknown; error?: unknown; id_token?: unknown };
  try {
    const response = await options.fetch(slackOidcUrls(options.baseUrl).token, { method: 'POST', body: form, signal: AbortSignal.timeout(10_000) });
    answer = (await response.json()) as typeof answer;
  } catch (error) {
    return { ok: false, error: `Slack's token endpoint did not answer (${(error as Error).message})` };
  }
  if (answer.ok !== true) return { ok: false, error: typeof answer.error === 'string' ? answer.error : 'no error code' };
  return typeof answer.id_token === 'string' ? { ok: true, value: answer.id_token } : { ok: false, error: 'no id_token in the answer' };
};

const readIdentity = (claims: JWTPayload): Outcome<SlackIdentity> => {
  const userId = claims['https://slack.com/user_id'] ?? claims.sub;
  const teamId = claims['https://slack.com/team_id'];
  if (typeof userId !== 'string' || typeof teamId !== 'string' || typeof claims.nonce !== 'string')
    return { ok: false, error: 'the id_token lacks a user, a team or a nonce' };
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
  const teamName = text(claims['https://slack.com/team_name']);
  const name = text(claims.name);
  return { ok: true, value: { userId, teamId, nonce: claims.nonce, ...(teamName ? { teamName } : {}), ...(name ? { name } : {}) } };
};

/**
 * Slack's side of Sign in with Slack: the code exchange and the id_token check (RS256 against Slack's published
 * keys, issuer, audience = our client id, expiry). Nonce and workspace are the caller's to compare.
 */
export const createSlackOidcClient = (options: SlackOidcClientOptions) => {
  // Fetched on first use and refreshed when an unknown key id shows up (Slack rotates keys).
  const keys = createRemoteJWKSet(new URL(slackOidcUrls(options.baseUrl).keys));
  const verify = async (idToken: string): Promise<Outcome<SlackIdentity>> => {
    try {
      const { payload } = await jwtVerify(idToken, keys, {
        issuer: SLACK_ISSUER,
        audience: options.clientId,
        algorithms: ['RS256'],
        currentDate: new Date(options.now()),
        clockTolerance: 60,
        requiredClaims: ['exp', 'iat', 'nonce'],
      });
      return readIdentity(payload);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  };
  return {
    authorizeUrl: slackOidcUrls(options.baseUrl).authorize,
    signIn: async (code: string, redirectUri: string): Promise<SignInOutcome> => {
      const token = await exchangeCode(options, code, redirectUri);
      if (!token.ok) return { ok: false, stage: 'token', error: token.error };
      const identity = await verify(token.value);
      return identity.ok ? identity : { ok: false, stage: 'id_token', error: identity.error };
    },
  };
};

export type SlackOidcClient = ReturnType<typeof createSlackOidcClient>;
