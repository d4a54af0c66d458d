import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OnCallUnavailableError } from '../../../src/core/oncall/on-call.ts';
import { PagerdutyProvider, type PagerdutyProviderOptions } from '../../../src/oncall/pagerduty/pagerduty-provider.ts';
import { FAKE_PAGERDUTY_TOKEN, PagerdutyApiServer } from '../../fakes/pagerduty-api-server.ts';
import { AT, paymentsOnPagerduty } from './pagerduty-scenario.ts';

/** Every way PagerDuty can fail ends as OnCallUnavailableError with a reason a person can act on, never a hang. */

let fake: PagerdutyApiServer;
const source = { provider: 'pagerduty', id: 'PSVCPAY', annotation: 'pagerduty.com/service-id' };
const provider = (options: Partial<PagerdutyProviderOptions> = {}) =>
  new PagerdutyProvider({ baseUrl: fake.baseUrl, token: FAKE_PAGERDUTY_TOKEN, cacheTtlMs: 0, ...options });

async function failure(lookup: Promise<unknown>): Promise<unknown> {
  return lookup.then(
    () => {
      throw new Error('expected the lookup to fail');
    },
    (error: unknown) => error,
  );
}

async function unavailable(lookup: Promise<unknown>): Promise<string> {
  const error = await failure(lookup);
  if (!(error instanceof OnCallUnavailableError)) throw new Error(`expected OnCallUnavailableError, got ${String(error)}`);
  return error.message;
}

beforeAll(async () => {
  fake = await PagerdutyApiServer.start(paymentsOnPagerduty());
});

afterAll(async () => {
  await fake.stop();
});

beforeEach(() => {
  fake.clearRequests();
  fake.setLatency(0);
});

describe('PagerdutyProvider: refusals', () => {
  it('names PAGERDUTY_TOKEN when PagerDuty refuses it, JSON or HTML 401 alike', async () => {
    expect(await unavailable(provider({ token: 'u+revoked' }).lookup(source, AT))).toBe('PagerDuty refused the token (401): check PAGERDUTY_TOKEN');
    const htmlFake = await PagerdutyApiServer.start({ ...paymentsOnPagerduty(), unauthorizedAs: 'html' });
    try {
      const message = await unavailable(new PagerdutyProvider({ baseUrl: htmlFake.baseUrl, token: 'u+revoked' }).lookup(source, AT));
      expect(message).toBe('PagerDuty refused the token (401): check PAGERDUTY_TOKEN');
    } finally {
      await htmlFake.stop();
    }
  });

  it('says the token is missing without calling PagerDuty', async () => {
    expect(await unavailable(provider({ token: '' }).lookup(source, AT))).toBe('no PagerDuty token: set PAGERDUTY_TOKEN');
    expect(fake.requests).toEqual([]);
  });

  it('names the service and the annotation when the service does not exist', async () => {
    const message = await unavailable(provider().lookup({ ...source, id: 'PNOPE42' }, AT));
    expect(message).toBe('PagerDuty service PNOPE42 not found: check the pagerduty.com/service-id annotation');
  });

  it('passes on the error envelope of a 400', async () => {
    fake.failNext({ kind: 'status', status: 400 }, { pathPrefix: '/oncalls' });
    expect(await unavailable(provider().lookup(source, AT))).toBe('PagerDuty refused GET /oncalls (HTTP 400: code 2001, Invalid Input Provided)');
  });
});

describe('PagerdutyProvider: outages', () => {
  it('reports a 500 as a PagerDuty failure to retry later', async () => {
    fake.failNext({ kind: 'status', status: 500 });
    expect(await unavailable(provider().lookup(source, AT))).toBe('PagerDuty failed on GET /services/PSVCPAY (HTTP 500); try again in a minute');
  });

  it('reports malformed JSON and JSON of the wrong shape', async () => {
    fake.failNext({ kind: 'malformed' }, { pathPrefix: '/oncalls' });
    expect(await unavailable(provider().lookup(source, AT))).toBe('PagerDuty answered GET /oncalls with something that is not JSON');
    const wrongShape: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/oncalls')) return response;
      return new Response(JSON.stringify({ oncalls: [{ escalation_level: 'one', user: { id: 'PX' }, start: null, end: null }] }), { status: 200 });
    };
    expect(await unavailable(provider({ fetch: wrongShape }).lookup(source, AT))).toBe(
      'PagerDuty answered GET /oncalls with JSON of an unexpected shape (oncalls.0.escalation_level: Invalid input: expected number, received string)',
    );
  });

  it('refuses an absurd escalation level instead of listing that many levels', async () => {
    const hugeLevel: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).includes('/oncalls')) return response;
      const entry = { escalation_level: 2 ** 32, user: { id: 'PX', name: 'X' }, start: null, end: null };
      return new Response(JSON.stringify({ oncalls: [entry], more: false }), { status: 200 });
    };
    expect(await unavailable(provider({ fetch: hugeLevel }).lookup(source, AT))).toMatch(
      /^PagerDuty answered GET \/oncalls with JSON of an unexpected shape \(oncalls\.0\.escalation_level: /,
    );
  });

  it('gives up on a hanging PagerDuty at the deadline and says how long it waited', async () => {
    fake.failNext({ kind: 'hang' }, { pathPrefix: '/oncalls' });
    expect(await unavailable(provider({ timeoutMs: 300 }).lookup(source, AT))).toBe('PagerDuty did not answer within 0.3 s');
    expect(fake.requestsTo('/oncalls').map((request) => request.status)).toEqual([0]);
  });

  it('counts slow answers against one deadline for the whole lookup, not per request', async () => {
    fake.setLatency(150);
    expect(await unavailable(provider({ timeoutMs: 400 }).lookup(source, AT))).toBe('PagerDuty did not answer within 0.4 s');
    expect(fake.requests.length).toBeLessThan(4);
  });

  it('names the URL when nothing listens there', async () => {
    const closed = await freePort();
    const message = await unavailable(new PagerdutyProvider({ baseUrl: `http://127.0.0.1:${closed}`, token: FAKE_PAGERDUTY_TOKEN }).lookup(source, AT));
    expect(message).toBe(`could not reach PagerDuty at http://127.0.0.1:${closed} (ECONNREFUSED): check PAGERDUTY_API_URL`);
  });
});

describe('PagerdutyProvider: rate limits', () => {
  it('waits out a 429 for ratelimit-reset seconds, then answers', async () => {
    fake.failNext({ kind: 'ratelimited', resetSeconds: 1 }, { pathPrefix: '/oncalls' });
    const schedule = await provider().lookup(source, AT);
    expect(schedule.levels[0]!.now.map((shift) => shift.person.name)).toEqual(['Alice Adams', 'Carol Chen']);
    expect(fake.requestsTo('/oncalls').map((request) => request.status)).toEqual([429, 200, 200]);
  });

  it('does not wait past the deadline: a reset beyond it fails at once with the rate limit as the reason', async () => {
    fake.failNext({ kind: 'ratelimited', resetSeconds: 30 }, { pathPrefix: '/oncalls' });
    const message = await unavailable(provider().lookup(source, AT));
    expect(message).toBe('rate-limited by PagerDuty: it asks to wait 30 s, longer than the 5 s lookup allows; try again then');
    expect(fake.requestsTo('/oncalls')).toHaveLength(1);
  });

  it('honours Retry-After when ratelimit-reset is absent', async () => {
    const retryAfterOnly: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status !== 429) return response;
      const headers = new Headers(response.headers);
      headers.delete('ratelimit-reset');
      return new Response(await response.text(), { status: 429, headers });
    };
    fake.failNext({ kind: 'ratelimited', resetSeconds: 1, retryAfterSeconds: 12 });
    expect(await unavailable(provider({ fetch: retryAfterOnly, timeoutMs: 2000 }).lookup(source, AT))).toMatch(
      /^rate-limited by PagerDuty: it asks to wait 12 s/,
    );
  });
});

describe('PagerdutyProvider: abort', () => {
  it('stops when the caller aborts, with the caller’s reason rather than a provider failure', async () => {
    fake.setLatency(10_000);
    const controller = new AbortController();
    const lookup = provider({ timeoutMs: 20_000 }).lookup(source, AT, controller.signal);
    setTimeout(() => controller.abort(), 50);
    const error = await failure(lookup);
    expect(error).not.toBeInstanceOf(OnCallUnavailableError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('makes no request when the signal is already aborted', async () => {
    const error = await failure(provider().lookup(source, AT, AbortSignal.abort()));
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(fake.requests).toEqual([]);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
