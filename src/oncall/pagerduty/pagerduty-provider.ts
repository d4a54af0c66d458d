import { OnCallUnavailableError, type OnCallProvider, type OnCallSchedule, type OnCallSource } from '../../core/oncall/on-call.ts';
import { findHandoffs, groupOnCalls, levelNumbers, toSpan, type OnCallSpan } from './group-oncalls.ts';
import { LookupDeadline } from './lookup-deadline.ts';
import { OnCallCache, answerHolds } from './oncall-cache.ts';
import { PagerdutyApi } from './pagerduty-api.ts';
import { PagerdutyHttpClient } from './pagerduty-http-client.ts';
import { SharedLookups } from './shared-lookups.ts';
import type { PagerdutyEscalationPolicy, PagerdutyService } from './pagerduty-schemas.ts';

export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';
export const PAGERDUTY_INTEGRATION_KEY_ANNOTATION = 'pagerduty.com/integration-key';

export interface PagerdutyProviderOptions {
  /** REST API key (PAGERDUTY_TOKEN). */
  token: string;
  /** Default `https://api.pagerduty.com` (PAGERDUTY_API_URL). */
  baseUrl?: string;
  /** `oauth` sends the token as `Bearer`; default an API key, sent as `Token token=`. */
  tokenType?: 'api-key' | 'oauth';
  /** How long an answer is reused (never across a shift boundary it shows); default 60 s, 0 to turn caching off. */
  cacheTtlMs?: number;
  /** Budget for one lookup, 429 waits included; default 5 s (the CLI's promise). */
  timeoutMs?: number;
  /** What time it is, for the cache's TTL; default the system clock. */
  clock?: () => Date;
  fetch?: typeof fetch;
}

const DAY_MS = 86_400_000;

/** A schedule and the instant it was looked up for. */
interface Answer {
  at: number;
  schedule: OnCallSchedule;
}
/** PagerDuty computes on-call shifts at most 90 days ahead (reference §1.3). */
const MAX_WINDOW_MS = 90 * DAY_MS;

/**
 * Who is on call for a PagerDuty service: service → escalation policy → `/oncalls` now, then a window reaching past
 * each level's handoff for who comes next. Levels are PagerDuty's escalation levels ("Level 1", …), sorted here
 * because `/oncalls` is not.
 */
export class PagerdutyProvider implements OnCallProvider {
  readonly id = 'pagerduty';
  private readonly api: PagerdutyApi;
  private readonly cache: OnCallCache;
  private readonly timeoutMs: number;
  private readonly inFlight = new SharedLookups<Answer>();

  constructor(options: PagerdutyProviderOptions) {
    const http = new PagerdutyHttpClient({
      baseUrl: options.baseUrl ?? 'https://api.pagerduty.com',
      token: options.token,
      ...(options.tokenType ? { tokenType: options.tokenType } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    this.api = new PagerdutyApi(http);
    const clock = options.clock ?? (() => new Date());
    this.cache = new OnCallCache(options.cacheTtlMs ?? 60_000, () => clock().getTime());
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  /** `pagerduty.com/service-id`, else `pagerduty.com/integration-key` (resolved to its service on lookup). */
  sourceFromAnnotations(annotations: Readonly<Record<string, string>>): OnCallSource | undefined {
    for (const annotation of [PAGERDUTY_SERVICE_ID_ANNOTATION, PAGERDUTY_INTEGRATION_KEY_ANNOTATION]) {
      const id = annotations[annotation]?.trim();
      if (id) return { provider: this.id, id, annotation };
    }
    return undefined;
  }

  async lookup(source: OnCallSource, at: Date, signal?: AbortSignal): Promise<OnCallSchedule> {
    signal?.throwIfAborted();
    if (source.provider !== this.id)
      throw new OnCallUnavailableError(`the PagerDuty provider was asked about a ${source.provider} source (${source.annotation})`);
    const key = `${source.annotation}=${source.id}`;
    const cached = this.cache.get(key, at.getTime());
    if (cached) return cached;
    const minute = Math.floor(at.getTime() / 60_000);
    const shared = await this.inFlight.run(`${key}@${minute}`, (sharedSignal) => this.fetchAndCache(source, key, at.getTime(), sharedSignal), signal);
    // Another caller's lookup in the same minute answers this one too, unless a shift starts or ends in between.
    if (answerHolds(shared.schedule, shared.at, at.getTime())) return shared.schedule;
    return (await this.fetchAndCache(source, key, at.getTime(), signal)).schedule;
  }

  private async fetchAndCache(source: OnCallSource, key: string, at: number, signal: AbortSignal | undefined): Promise<Answer> {
    const schedule = await this.fetchSchedule(source, at, new LookupDeadline(this.timeoutMs, signal));
    this.cache.set(key, at, schedule);
    return { at, schedule };
  }

  private async fetchSchedule(source: OnCallSource, at: number, deadline: LookupDeadline): Promise<OnCallSchedule> {
    const service = await this.findService(source, deadline);
    const policy = await this.findPolicy(service, deadline);
    const now = await this.listSpans(policy.id, at, at, deadline);
    const levels = levelNumbers(policy.escalation_rules?.length ?? 0, now);
    const later = await this.listLaterSpans(policy.id, at, findHandoffs(now, at, levels), deadline);
    return {
      provider: this.id,
      name: policy.name ?? policy.summary ?? policy.id,
      ...(policy.html_url ? { url: policy.html_url } : {}),
      levels: groupOnCalls({ at, levels, now, later }),
    };
  }

  private findService(source: OnCallSource, deadline: LookupDeadline): Promise<PagerdutyService> {
    return source.annotation === PAGERDUTY_INTEGRATION_KEY_ANNOTATION
      ? this.api.findServiceByIntegrationKey(source.id, source.annotation, deadline)
      : this.api.getService(source.id, source.annotation, deadline);
  }

  /** The policy came embedded (`include[]=escalation_policies`); fetched on its own only when PagerDuty sent a reference. */
  private async findPolicy(service: PagerdutyService, deadline: LookupDeadline): Promise<PagerdutyEscalationPolicy> {
    const embedded = service.escalation_policy;
    return embedded.escalation_rules ? embedded : this.api.getEscalationPolicy(embedded.id, deadline);
  }

  /**
   * Everything from now until a day past the last handoff (so a gap after a handoff still shows who starts next),
   * within PagerDuty's 90 days. Nothing to ask when every level is on for good.
   */
  private async listLaterSpans(policyId: string, at: number, handoffs: Map<number, number[]>, deadline: LookupDeadline): Promise<OnCallSpan[]> {
    const times = [...handoffs.values()].flat();
    if (times.length === 0) return [];
    const until = Math.min(Math.max(...times) + DAY_MS, at + MAX_WINDOW_MS);
    return this.listSpans(policyId, at, until, deadline);
  }

  private async listSpans(policyId: string, since: number, until: number, deadline: LookupDeadline): Promise<OnCallSpan[]> {
    const entries = await this.api.listOnCalls(policyId, { since: new Date(since), until: new Date(until) }, deadline);
    return entries.map(toSpan);
  }
}
