import type { IncomingMessage } from 'node:http';
import type { JsonBody } from './answers.ts';

/** Reading Web API requests exactly as @slack/web-api sends them (reference §3.1). */

/** Fields the client JSON-stringifies into form values; parsed back so handlers and recordings see objects. */
const JSON_FIELDS = ['blocks', 'view', 'unfurls', 'attachments', 'metadata', 'user_auth_blocks', 'files'];

/** The raw bytes: file uploads are binary, everything else is read as UTF-8 text from them. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export type ParsedBody = { ok: true; body: JsonBody } | { ok: false; error: string };

/** Form bodies (the client's default) or JSON bodies; a JSON field that fails to parse stays a string for the handler. */
export function parseApiBody(raw: string, contentType: string | undefined): ParsedBody {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') return parseJsonBody(raw);
  if (type === 'application/x-www-form-urlencoded' || (type === '' && raw === '')) {
    const body: JsonBody = Object.fromEntries(new URLSearchParams(raw));
    for (const field of JSON_FIELDS) {
      const value = body[field];
      if (typeof value === 'string') body[field] = parseJsonOrKeep(value);
    }
    return { ok: true, body };
  }
  return { ok: false, error: type === '' ? 'missing_post_type' : 'invalid_post_type' };
}

function parseJsonBody(raw: string): ParsedBody {
  try {
    const body: unknown = JSON.parse(raw);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, error: 'json_not_object' };
    return { ok: true, body: body as JsonBody };
  } catch {
    return { ok: false, error: 'invalid_json' };
  }
}

function parseJsonOrKeep(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The bearer token wins; a `token` form field is the fallback (the client sends both for per-call tokens). */
export function readToken(request: IncomingMessage, body: JsonBody): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  if (match?.[1]) return match[1].trim();
  return typeof body.token === 'string' && body.token !== '' ? body.token : undefined;
}
