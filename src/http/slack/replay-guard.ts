import { TtlCache } from '../../slack/ttl-cache.ts';
import { SLACK_CLOCK_SKEW_SECONDS, type CheckedSlackRequest } from './check-slack-request.ts';

/** Signed requests remembered at most; far above what Slack sends one app in the ten minutes a signature is valid. */
const MAX_REMEMBERED = 100_000;

/**
 * Refuses a signed request seen before, for as long as its timestamp would still be accepted (so a replay
 * can never outlive the memory of it). Slack's own redelivery of an event (X-Slack-Retry-Num) passes: the
 * event de-duplication behind Bolt (`dedupeEvents`) drops it by event_id and Slack gets its 200.
 */
export class ReplayGuard {
  private readonly seen: TtlCache<string, true>;

  constructor(private readonly now: () => number = Date.now) {
    this.seen = new TtlCache(now, MAX_REMEMBERED);
  }

  /** True when the request may go on; remembers it. */
  admit(request: Extract<CheckedSlackRequest, { kind: 'signed' }>): boolean {
    if (this.seen.get(request.signature)) return isEventRedelivery(request);
    const validUntilMs = (request.timestampSeconds + SLACK_CLOCK_SKEW_SECONDS) * 1000;
    this.seen.set(request.signature, true, Math.max(validUntilMs - this.now(), 1000));
    return true;
  }
}

/** Only Events API deliveries are retried by Slack, and only they are de-duplicated downstream. */
const isEventRedelivery = (request: Extract<CheckedSlackRequest, { kind: 'signed' }>): boolean =>
  request.isRetry && request.payload.type === 'event_callback' && typeof request.payload.event_id === 'string';
