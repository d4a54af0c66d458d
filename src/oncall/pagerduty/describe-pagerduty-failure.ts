import { OnCallUnavailableError } from '../../core/oncall/on-call.ts';

/** What a non-2xx answer (other than 429, which is waited out) means to the person reading "on-call unavailable: …". */
export function describePagerdutyFailure(status: number, bodyText: string, request: { path: string; notFound?: string }): OnCallUnavailableError {
  const call = `GET ${request.path}`;
  if (status === 401) return new OnCallUnavailableError('PagerDuty refused the token (401): check PAGERDUTY_TOKEN');
  if (status === 403) return new OnCallUnavailableError(`PagerDuty does not let this token read ${call} (403): give PAGERDUTY_TOKEN read access`);
  if (status === 404) return new OnCallUnavailableError(request.notFound ?? `PagerDuty has nothing at ${call} (404)`);
  if (status >= 500) return new OnCallUnavailableError(`PagerDuty failed on ${call} (HTTP ${status}); try again in a minute`);
  const detail = readErrorEnvelope(bodyText);
  return new OnCallUnavailableError(`PagerDuty refused ${call} (HTTP ${status}${detail ? `: ${detail}` : ''})`);
}

/**
 * `{"error":{"code","message","errors":[…]}}` → "code 2002, Arguments Caused Error: Offset+limit exceeds …".
 * Undefined when the body is not that envelope (PagerDuty has answered some errors in HTML).
 */
function readErrorEnvelope(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; errors?: unknown } };
    const error = parsed.error;
    if (typeof error !== 'object' || error === null) return undefined;
    const details = Array.isArray(error.errors) ? error.errors.filter((item): item is string => typeof item === 'string') : [];
    const head = [typeof error.code === 'number' ? `code ${error.code}` : undefined, typeof error.message === 'string' ? error.message : undefined]
      .filter(Boolean)
      .join(', ');
    return [head, ...details].filter(Boolean).join(': ') || undefined;
  } catch {
    return undefined;
  }
}
