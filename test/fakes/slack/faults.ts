import type { SlackAnswer } from './answers.ts';

/**
 * Fault injection per method. `status`: answer with that HTTP status (the client retries it as configured).
 * `hang`: never answer (exercises client timeouts). `error`: a Slack error code with HTTP 200.
 * `ratelimited`: HTTP 429 with Retry-After, as Slack rate limits.
 * `lost-reply`: the method runs (a message is posted), then its reply is lost: that status, or no answer at all.
 */
export type FakeFault =
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  | { kind: 'error'; error: string; fields?: Record<string, unknown> }
  | { kind: 'ratelimited'; retryAfterSeconds: number }
  | { kind: 'lost-reply'; reply: { kind: 'status'; status: number } | { kind: 'hang' } };

/** A fault's answer; `methodRuns` when the method's own effect happens before the answer is replaced. */
export type FaultAnswer = SlackAnswer & { methodRuns?: boolean };

interface Budget {
  perMinute: number;
  windowStart: number;
  used: number;
}

/** Queued faults and per-minute budgets, consumed in arrival order of calls. */
export class FaultPlan {
  private readonly queued = new Map<string, FakeFault[]>();
  private readonly budgets = new Map<string, Budget>();

  failNext(method: string, fault: FakeFault, times: number): void {
    const queue = this.queued.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.queued.set(method, queue);
  }

  /** A tier-like budget: at most `perMinute` calls per fixed one-minute window, then 429 until it ends. */
  setRateLimit(method: string, perMinute: number | undefined): void {
    if (perMinute === undefined) this.budgets.delete(method);
    else this.budgets.set(method, { perMinute, windowStart: Number.NEGATIVE_INFINITY, used: 0 });
  }

  clear(): void {
    this.queued.clear();
    this.budgets.clear();
  }

  /** The answer that replaces the method's own for this call, if any. */
  take(method: string, now: number): FaultAnswer | undefined {
    const fault = this.queued.get(method)?.shift();
    if (fault) return answerFault(fault);
    return this.spendBudget(method, now);
  }

  private spendBudget(method: string, now: number): SlackAnswer | undefined {
    const budget = this.budgets.get(method);
    if (!budget) return undefined;
    if (now - budget.windowStart >= 60_000) {
      budget.windowStart = now;
      budget.used = 0;
    }
    if (budget.used < budget.perMinute) {
      budget.used += 1;
      return undefined;
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((budget.windowStart + 60_000 - now) / 1000));
    return answerFault({ kind: 'ratelimited', retryAfterSeconds });
  }
}

function answerFault(fault: FakeFault): FaultAnswer {
  switch (fault.kind) {
    case 'lost-reply':
      return { ...answerFault(fault.reply), methodRuns: true };
    case 'status':
      return { status: fault.status, headers: { 'content-type': 'text/plain' }, body: `fake upstream failure ${fault.status}` };
    case 'hang':
      return { status: 0, body: undefined, hang: true };
    case 'error':
      return { status: 200, body: { ok: false, error: fault.error, ...fault.fields } };
    case 'ratelimited':
      return { status: 429, headers: { 'retry-after': String(fault.retryAfterSeconds) }, body: { ok: false, error: 'ratelimited' } };
  }
}

/**
 * Slack's per-minute allowances for the methods Callboard calls (reference §3.3), for
 * `startFakeSlack({ rateLimits: SLACK_RATE_TIERS })`. chat.postMessage's real limit is ~1/s per channel; the fake
 * counts per method, so 60 per minute is the closest single budget. auth.test ("hundreds") is left unlimited.
 */
export const SLACK_RATE_TIERS: Readonly<Record<string, number>> = {
  'apps.connections.open': 1,
  'chat.postMessage': 60,
  'chat.postEphemeral': 100,
  'chat.update': 50,
  'chat.delete': 50,
  'chat.unfurl': 50,
  'conversations.info': 50,
  'conversations.join': 50,
  'conversations.list': 20,
  'files.getUploadURLExternal': 100,
  'files.completeUploadExternal': 100,
  'users.lookupByEmail': 50,
  'users.info': 100,
  'views.open': 100,
  'views.push': 100,
  'views.update': 100,
  'views.publish': 100,
};
