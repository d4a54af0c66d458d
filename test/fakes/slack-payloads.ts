import { createHmac } from 'node:crypto';
import type { SlackInbound } from './slack/inbound.ts';

/**
 * The other direction: what Slack sends to the app. Builders return a `SlackInbound` (payload + envelope kind)
 * usable over Socket Mode as is, or over HTTP through `toHttpRequest`, which encodes and signs it exactly as
 * Bolt's HTTPReceiver expects (reference §1.1, §2, §8.1–8.3).
 */

export {
  appHomeOpened,
  appMention,
  channelCreated,
  channelRename,
  eventCallback,
  linkShared,
  memberJoinedChannel,
  messageEvent,
  urlVerification,
} from './slack/event-payloads.ts';
export type { LinkSharedInput, MessageEventInput } from './slack/event-payloads.ts';
export { blockActions, blockSuggestion, globalShortcut, messageShortcut, slashCommand, viewSubmission } from './slack/interactive-payloads.ts';
export type {
  ActionInput,
  BlockActionsInput,
  BlockSuggestionInput,
  MessageShortcutInput,
  SlashCommandInput,
  ViewSubmissionInput,
} from './slack/interactive-payloads.ts';
export { checkAck } from './slack/check-ack.ts';
export { DEFAULT_WORKSPACE, VERIFICATION_TOKEN } from './slack/inbound.ts';
export type { InboundKind, SlackInbound, WorkspaceRef } from './slack/inbound.ts';

export interface SlackSignatureHeaders {
  'X-Slack-Request-Timestamp': string;
  'X-Slack-Signature': string;
}

/**
 * v0 signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>` keyed with the signing secret, lowercase hex.
 * The timestamp is whole Unix seconds written canonically, because Bolt rebuilds the base string from Number().
 */
export function signRequest(signingSecret: string, body: string, timestamp: number = Math.floor(Date.now() / 1000)): SlackSignatureHeaders {
  const seconds = String(Math.trunc(timestamp));
  const digest = createHmac('sha256', signingSecret).update(`v0:${seconds}:${body}`).digest('hex');
  return { 'X-Slack-Request-Timestamp': seconds, 'X-Slack-Signature': `v0=${digest}` };
}

export interface HttpRequestOptions {
  /** Unix seconds to sign with; default now. Older than 300 s makes Bolt answer 401. */
  timestamp?: number;
  /** Events API redelivery headers (X-Slack-Retry-Num / X-Slack-Retry-Reason). */
  retry?: { num: number; reason: string };
}

export interface HttpRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * Encodes for Bolt's HTTP endpoint: slash commands as form fields and interactions as one `payload` form field,
 * both with Content-Type exactly `application/x-www-form-urlencoded` (no charset: Bolt compares with ===);
 * events as JSON. Then signs the exact bytes.
 */
export function toHttpRequest(inbound: SlackInbound, signingSecret: string, options: HttpRequestOptions = {}): HttpRequest {
  const { body, contentType } = encodeBody(inbound);
  const retry: Record<string, string> = options.retry ? { 'X-Slack-Retry-Num': String(options.retry.num), 'X-Slack-Retry-Reason': options.retry.reason } : {};
  return { body, headers: { 'Content-Type': contentType, ...signRequest(signingSecret, body, options.timestamp), ...retry } };
}

/** POSTs a signed inbound to the app (e.g. `http://127.0.0.1:PORT/slack/events`) and returns its response. */
export function sendToApp(endpoint: string, inbound: SlackInbound, signingSecret: string, options: HttpRequestOptions = {}): Promise<Response> {
  const { body, headers } = toHttpRequest(inbound, signingSecret, options);
  return fetch(endpoint, { method: 'POST', headers, body });
}

function encodeBody(inbound: SlackInbound): { body: string; contentType: string } {
  const form = 'application/x-www-form-urlencoded';
  if (inbound.kind === 'events_api') return { body: JSON.stringify(inbound.payload), contentType: 'application/json' };
  if (inbound.kind === 'interactive') return { body: new URLSearchParams({ payload: JSON.stringify(inbound.payload) }).toString(), contentType: form };
  const fields = Object.entries(inbound.payload).map(([key, value]): [string, string] => [key, String(value)]);
  return { body: new URLSearchParams(fields).toString(), contentType: form };
}
