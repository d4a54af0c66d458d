import { parseHTTPRequestBody } from '@slack/bolt/dist/receivers/HTTPModuleFunctions.js';
import { verifySlackRequest } from '@slack/bolt/dist/receivers/verify-request.js';
import { parse as parseQueryString } from 'node:querystring';
import { jsonResponse, type HttpRequest, type HttpResponse } from '../http-types.ts';

/** Slack's window: a request signed more than five minutes from now, either way, is not accepted. */
export const SLACK_CLOCK_SKEW_SECONDS = 5 * 60;

const FORM = 'application/x-www-form-urlencoded';

/** A request that passed the checks: what the replay guard and Bolt need next. */
export type CheckedSlackRequest =
  { kind: 'ssl-check' } | { kind: 'signed'; signature: string; timestampSeconds: number; payload: Record<string, unknown>; isRetry: boolean };

export type SlackRequestCheck = { ok: true; request: CheckedSlackRequest } | { ok: false; answer: HttpResponse };

const refuse = (status: number, error: string): SlackRequestCheck => ({ ok: false, answer: jsonResponse(status, { error }) });

const singleHeader = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** Slack's unsigned `ssl_check=1` probe; Bolt answers it and drops any other field smuggled along. */
const isSslCheck = (request: HttpRequest): boolean => request.headers['content-type'] === FORM && parseQueryString(request.body.toString()).ssl_check === '1';

/** The payload Bolt will dispatch, parsed by Bolt's own parser so the two never disagree; undefined if it is not an object. */
const parsePayload = (request: HttpRequest): Record<string, unknown> | undefined => {
  try {
    const payload: unknown = parseHTTPRequestBody({ rawBody: request.body, headers: request.headers } as Parameters<typeof parseHTTPRequestBody>[0]);
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The checks in front of Bolt, in one place: Bolt's own signature verification; a timestamp more than five
 * minutes ahead refused like a stale one (Bolt only refuses old ones); a signed body that is not a payload
 * object answered 400 at once (Bolt would never answer a signed `payload=null`).
 */
export const checkSlackRequest = (request: HttpRequest, signingSecret: string, nowMs: number): SlackRequestCheck => {
  if (isSslCheck(request)) return { ok: true, request: { kind: 'ssl-check' } };
  const signature = singleHeader(request, 'x-slack-signature');
  const timestampSeconds = Number(singleHeader(request, 'x-slack-request-timestamp'));
  if (!signature || !Number.isInteger(timestampSeconds)) return refuse(401, 'Not a signed Slack request (X-Slack-Signature, X-Slack-Request-Timestamp)');
  if (timestampSeconds > Math.floor(nowMs / 1000) + SLACK_CLOCK_SKEW_SECONDS) return refuse(401, 'X-Slack-Request-Timestamp is in the future');
  try {
    const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestampSeconds };
    verifySlackRequest({ signingSecret, body: request.body.toString(), headers, nowMilliseconds: nowMs });
  } catch {
    return refuse(401, 'The Slack signature does not match, or the request is stale');
  }
  const payload = parsePayload(request);
  if (!payload) return refuse(400, 'The signed body is not a Slack payload object');
  const isRetry = request.headers['x-slack-retry-num'] !== undefined;
  return { ok: true, request: { kind: 'signed', signature, timestampSeconds, payload, isRetry } };
};
