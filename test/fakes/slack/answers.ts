import type { BlockKitViolation } from '../../helpers/block-kit/check-block-kit-limits.ts';

/** What the fake sends back for one request. `hang` means never answer (to exercise client timeouts). */
export interface SlackAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  hang?: boolean;
}

export type JsonBody = Record<string, unknown>;

/** Slack answers success and failure alike with HTTP 200; only rate limits use 429 (reference §3.1). */
export function ok(fields: JsonBody = {}): SlackAnswer {
  return { status: 200, body: { ok: true, ...fields } };
}

export function fail(error: string, fields: JsonBody = {}): SlackAnswer {
  return { status: 200, body: { ok: false, error, ...fields } };
}

/** Missing required arguments: `invalid_arguments` with one `[ERROR]` line per field, as Slack does. */
export function requireFields(body: JsonBody, ...names: string[]): SlackAnswer | undefined {
  const missing = names.filter((name) => body[name] === undefined || body[name] === '');
  if (missing.length === 0) return undefined;
  const messages = missing.map((name) => `[ERROR] missing required field: ${name}`);
  return fail('invalid_arguments', { response_metadata: { messages } });
}

/** `blocks[3].text.text` under `/view` → `/view/blocks/3/text/text` (RFC 6901 escaping for unfurl URLs). */
export function toJsonPointer(prefix: string, path: string): string {
  const parts = path === '' ? [] : path.replace(/\[(\d+)\]/g, '.$1').split('.');
  const pointer = [prefix, ...parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))].join('/');
  return pointer === '' ? '/' : pointer;
}

export interface PointedViolation extends BlockKitViolation {
  /** JSON pointer prefix of the payload the path is relative to, e.g. `` (message), `/view`, `/unfurls/<url>`. */
  prefix: string;
}

/**
 * A Block Kit refusal: `invalid_blocks` for chat.* (with a top-level `errors` array) or `invalid_arguments` for
 * views.*, each with `[ERROR] … [json-pointer:…]` lines in response_metadata.messages (reference §3.2).
 */
export function blockKitRefusal(error: 'invalid_blocks' | 'invalid_arguments', violations: PointedViolation[]): SlackAnswer {
  const lines = violations.map((violation) => `${violation.rule} [json-pointer:${toJsonPointer(violation.prefix, violation.path)}]`);
  const messages = lines.map((line) => `[ERROR] ${line}`);
  return fail(error, { ...(error === 'invalid_blocks' ? { errors: lines } : {}), response_metadata: { messages } });
}

export function withPrefix(prefix: string, violations: BlockKitViolation[]): PointedViolation[] {
  return violations.map((violation) => ({ ...violation, prefix }));
}

/** Form fields arrive as strings: `"true"` is true (reference §8.8). */
export function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
