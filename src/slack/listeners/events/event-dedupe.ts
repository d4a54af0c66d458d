import type { Logger } from 'pino';
import { TtlCache } from '../../ttl-cache.ts';

/** Slack redelivers an event up to three times over about five minutes; an hour covers every retry. */
const REMEMBER_MS = 60 * 60 * 1000;

/**
 * Bolt does not de-duplicate Events API deliveries, so a retry (`X-Slack-Retry-Num`, or
 * `retry_attempt` over Socket Mode) of an event already handled would answer twice. Global
 * middleware: events seen before stop here; everything else passes through.
 */
export const dedupeEvents = (log: Logger, now: () => number = Date.now) => {
  const seen = new TtlCache<string, true>(now, 50_000);
  return async ({ body, context, next }: { body: unknown; context: { retryNum?: number; retryReason?: string }; next: () => Promise<void> }): Promise<void> => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      if (seen.get(eventId)) {
        log.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'skipping a redelivered event already handled');
        return;
      }
      seen.set(eventId, true, REMEMBER_MS);
    }
    await next();
  };
};
