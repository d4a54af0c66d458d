import type { Logger } from 'pino';
import type { SourceConfig } from '../../config/load-config.ts';
import { jsonResponse, type HttpRequest, type HttpResponse, type Route } from '../http-types.ts';
import type { DeliveryLedger } from './delivery-ledger.ts';
import { findSourcesToSync, type GithubDelivery } from './find-sources-to-sync.ts';
import { SyncCoalescer } from './sync-coalescer.ts';
import { verifyGithubSignature } from './verify-github-signature.ts';

export interface GithubWebhookDeps {
  /** GITHUB_WEBHOOK_SECRET; without it the route refuses every delivery. */
  secret: string | undefined;
  sources: readonly SourceConfig[];
  /** Re-syncs one source (`syncSource` of the catalog sync); the answer does not wait for it. */
  syncSource: (sourceId: string) => Promise<unknown>;
  deliveries: DeliveryLedger;
  log: Logger;
}

export const GITHUB_WEBHOOK_PATH = '/webhooks/github';

/** GitHub caps deliveries at 25 MB; a push with many commits can pass 1 MiB, so this route reads more. */
const WEBHOOK_BODY_LIMIT = 25 * 1024 * 1024;

const header = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const parseObject = (body: Buffer): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** A signed, well-formed delivery, or the answer that refuses it (nothing done). */
const readDelivery = (request: HttpRequest, secret: string): { delivery: GithubDelivery & { id: string } } | { answer: HttpResponse } => {
  if (!verifyGithubSignature(request.body, header(request, 'x-hub-signature-256'), secret)) {
    return { answer: jsonResponse(401, { error: 'X-Hub-Signature-256 is missing or does not match GITHUB_WEBHOOK_SECRET' }) };
  }
  const event = header(request, 'x-github-event');
  const id = header(request, 'x-github-delivery');
  if (!event || !id) return { answer: jsonResponse(400, { error: 'X-GitHub-Event and X-GitHub-Delivery are required' }) };
  if (!header(request, 'content-type')?.startsWith('application/json')) {
    return { answer: jsonResponse(415, { error: "Set the webhook's content type to application/json" }) };
  }
  const payload = parseObject(request.body);
  if (!payload) return { answer: jsonResponse(400, { error: 'The delivery is not a JSON object' }) };
  return { delivery: { event, id, payload } };
};

/**
 * `POST /webhooks/github`: a push to a branch a source follows re-syncs that source, a repository created,
 * renamed, archived, deleted or moved re-syncs the github sources of its organisation. 202 once the sync is
 * asked for, before it ends; a redelivery (same X-GitHub-Delivery) is answered without doing anything again.
 */
export const githubWebhookRoute = (deps: GithubWebhookDeps): Route => {
  const syncs = new SyncCoalescer(deps.syncSource, deps.log);
  return {
    method: 'POST',
    path: GITHUB_WEBHOOK_PATH,
    bodyLimit: WEBHOOK_BODY_LIMIT,
    handler: async (request) => {
      if (!deps.secret) return jsonResponse(503, { error: "GitHub webhooks are off: set GITHUB_WEBHOOK_SECRET to the webhook's secret and restart" });
      const read = readDelivery(request, deps.secret);
      if ('answer' in read) return read.answer;
      const { delivery } = read;
      if (delivery.event === 'ping') return jsonResponse(200, { status: 'pong' });
      const sourceIds = findSourcesToSync(delivery, deps.sources);
      if (sourceIds.length === 0) return jsonResponse(200, { status: 'ignored', reason: `no configured source follows this ${delivery.event} event` });
      if (!(await deps.deliveries.claimOnce('github-webhook', delivery.id))) return jsonResponse(200, { status: 'duplicate', delivery: delivery.id });
      deps.log.info({ delivery: delivery.id, event: delivery.event, sources: sourceIds }, 'GitHub webhook: re-syncing');
      for (const sourceId of sourceIds) syncs.request(sourceId);
      return jsonResponse(202, { status: 'syncing', sources: sourceIds });
    },
  };
};
