import { asString, type JsonBody, type SlackAnswer } from './answers.ts';
import type { FakeSlackState } from './fake-state.ts';
import { checkMessageBody } from './method-route.ts';

/**
 * `POST /response-url/<id>`: what `respond()` calls (reference §1.4). Usable 5 times within 30 minutes; the
 * status and error strings Slack uses for a spent or stale URL are undocumented, so 404 `used_url` /
 * `expired_url` are this fake's choice. Every non-2xx makes Bolt 5's respond() throw RespondError.
 */

export const RESPONSE_URL_PATH = '/response-url/';
const MAX_USES = 5;
const LIFETIME_MS = 30 * 60 * 1000;

const answer = (status: number, body: JsonBody): SlackAnswer => ({ status, body });

export function answerResponseUrl(state: FakeSlackState, id: string, raw: string, contentType: string | undefined): SlackAnswer {
  const minted = state.responseUrls.get(id);
  if (!minted) return answer(404, { ok: false, error: 'invalid_url' });
  if (state.now() - minted.issuedAt > LIFETIME_MS) return answer(404, { ok: false, error: 'expired_url' });
  if (minted.uses >= MAX_USES) return answer(404, { ok: false, error: 'used_url' });
  if (!(contentType ?? '').toLowerCase().startsWith('application/json')) return answer(400, { ok: false, error: 'invalid_content_type' });
  const body = parseObject(raw);
  if (!body) return answer(400, { ok: false, error: 'invalid_json' });
  const refusal = checkResponseBody(body);
  if (refusal) return { ...refusal, status: 400 };
  minted.uses += 1;
  return answer(200, { ok: true });
}

function checkResponseBody(body: JsonBody): SlackAnswer | undefined {
  const responseType = asString(body.response_type);
  if (responseType !== undefined && responseType !== 'ephemeral' && responseType !== 'in_channel') {
    return answer(400, { ok: false, error: 'invalid_response_type' });
  }
  for (const flag of ['replace_original', 'delete_original']) {
    const value = body[flag];
    if (value !== undefined && typeof value !== 'boolean' && value !== 'true' && value !== 'false') {
      return answer(400, { ok: false, error: `invalid_${flag}` });
    }
  }
  const deleting = body.delete_original === true || body.delete_original === 'true';
  return checkMessageBody(body, { allowEmpty: deleting });
}

function parseObject(raw: string): JsonBody | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonBody) : undefined;
  } catch {
    return undefined;
  }
}

/** The body as recorded for assertions (parsed JSON, or the raw text when it was not JSON). */
export function recordedResponseBody(raw: string): JsonBody {
  return parseObject(raw) ?? { raw };
}
