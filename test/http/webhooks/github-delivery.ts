import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/run-cli.ts';

/** One of GitHub's published example payloads (test/fixtures/github-webhooks, see its NOTICE), parsed. */
export const examplePayload = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/github-webhooks', `${name}.payload.json`), 'utf8')) as Record<string, unknown>;

/** A copy of `payload` with `repository` fields replaced. */
export const withRepository = (payload: Record<string, unknown>, fields: Record<string, unknown>): Record<string, unknown> => ({
  ...payload,
  repository: { ...(payload.repository as Record<string, unknown>), ...fields },
});

/** The headers and body GitHub sends for one delivery, signed with `secret` as X-Hub-Signature-256. */
export const signedDelivery = (event: string, payload: unknown, secret: string, delivery: string = randomUUID()) => {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': delivery, 'x-hub-signature-256': signature },
  };
};
