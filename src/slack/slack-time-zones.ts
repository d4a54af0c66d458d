import type { Logger } from 'pino';
import { waitAtMost } from './member-directory.ts';
import type { SlackUserApi } from './slack-user-api.ts';
import { TtlCache } from './ttl-cache.ts';

export interface SlackTimeZonesOptions {
  now?: () => number;
  /** How long a user's time zone is trusted (default one hour: people travel, but not between two questions). */
  ttlMs?: number;
  log?: Logger;
}

/**
 * Slack users' time zones (users.info `tz`), cached, so on-call shift ends read in the asker's own time. A failed or
 * slow lookup is "unknown" (the answer then says its times are UTC), never an error.
 */
export class SlackTimeZones {
  private readonly cache: TtlCache<string, string | null>;
  private readonly inFlight = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly api: SlackUserApi,
    private readonly options: SlackTimeZonesOptions = {},
  ) {
    this.cache = new TtlCache(options.now ?? Date.now);
  }

  /** The user's IANA time zone, waiting at most `budgetMs` for Slack; a slower answer still fills the cache. */
  async of(slackUserId: string | undefined, options: { budgetMs?: number } = {}): Promise<string | undefined> {
    if (!slackUserId || !this.api.timeZoneOf) return undefined;
    const cached = this.cache.get(slackUserId);
    if (cached) return cached.value ?? undefined;
    const lookup = this.lookup(slackUserId);
    await waitAtMost(lookup, options.budgetMs ?? 800);
    return this.cache.get(slackUserId)?.value ?? undefined;
  }

  private lookup(slackUserId: string): Promise<string | undefined> {
    const running = this.inFlight.get(slackUserId);
    if (running) return running;
    const task = this.api.timeZoneOf!(slackUserId)
      .then((zone) => {
        this.cache.set(slackUserId, zone ?? null, this.options.ttlMs ?? 3_600_000);
        return zone;
      })
      .catch((error: unknown) => {
        this.options.log?.warn({ err: error, slackUserId }, 'users.info failed; showing on-call times in UTC');
        return undefined;
      })
      .finally(() => this.inFlight.delete(slackUserId));
    this.inFlight.set(slackUserId, task);
    return task;
  }
}
