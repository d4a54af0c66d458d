import type { Logger } from 'pino';
import type { SlackUserApi } from './slack-user-api.ts';
import { TtlCache } from './ttl-cache.ts';

export interface MemberDirectoryOptions {
  now?: () => number;
  /** How long a found Slack id is trusted (default one hour). */
  ttlMs?: number;
  /** How long "nobody has this email" is remembered (default ten minutes). */
  missTtlMs?: number;
  /** Lookups running at once; users.lookupByEmail is a tier 3 method (default 8). */
  concurrency?: number;
  log?: Logger;
}

/**
 * Catalog emails → Slack user ids (users.lookupByEmail), cached with a TTL; misses are cached too,
 * so a team of people without Slack accounts costs one lookup each per ten minutes, not per answer.
 */
export class MemberDirectory {
  private readonly cache: TtlCache<string, string | null>;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly queue: Array<() => void> = [];
  private running = 0;

  constructor(
    private readonly api: SlackUserApi,
    private readonly options: MemberDirectoryOptions = {},
  ) {
    this.cache = new TtlCache(options.now ?? Date.now);
  }

  /**
   * Slack ids for the emails known so far. Waits at most `budgetMs` for lookups not yet cached;
   * slower ones finish in the background and serve the next answer. Failures are logged, not thrown.
   */
  async slackIdsByEmail(emails: readonly string[], options: { budgetMs?: number } = {}): Promise<Map<string, string>> {
    const wanted = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter(Boolean))];
    const pending = wanted.filter((email) => !this.cache.get(email)).map((email) => this.lookup(email));
    if (pending.length > 0) await waitAtMost(Promise.all(pending), options.budgetMs ?? 1500);
    const ids = new Map<string, string>();
    for (const email of wanted) {
      const id = this.cache.get(email)?.value;
      if (id) ids.set(email, id);
    }
    return ids;
  }

  private lookup(email: string): Promise<void> {
    const running = this.inFlight.get(email);
    if (running) return running;
    const task = this.limited(() => this.api.userIdByEmail(email))
      .then((id) => this.cache.set(email, id ?? null, id ? (this.options.ttlMs ?? 3_600_000) : (this.options.missTtlMs ?? 600_000)))
      .catch((error: unknown) => this.options.log?.warn({ err: error, email }, 'users.lookupByEmail failed; showing the name instead of a mention'))
      .finally(() => this.inFlight.delete(email));
    this.inFlight.set(email, task);
    return task;
  }

  private async limited<T>(run: () => Promise<T>): Promise<T> {
    if (this.running >= (this.options.concurrency ?? 8)) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running += 1;
    try {
      return await run();
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }
}

/** Resolves when `work` settles or `ms` have passed, whichever comes first; never rejects on a timeout. */
export const waitAtMost = async (work: Promise<unknown>, ms: number): Promise<void> => {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
};
