import type { Logger } from 'pino';
import { waitAtMost } from './member-directory.ts';
import type { SlackChannel, SlackChannelApi } from './slack-channel-api.ts';

export interface ChannelDirectoryOptions {
  now?: () => number;
  /** How long a listing is trusted before the next answer refreshes it (default one hour). */
  ttlMs?: number;
  /** A name the listing lacks (a channel made since) refreshes it at most this often (default ten minutes). */
  missRefreshMs?: number;
  /** Pages read per listing at most (1,000 channels each), so a huge workspace cannot keep it busy. */
  maxPages?: number;
  log?: Logger;
}

/** Slack channel names are lower case; catalogs write `#Team-Payments` or `team-payments` alike. */
export const normaliseChannelName = (name: string): string => name.trim().replace(/^#/, '').toLowerCase();

/**
 * Channel names → ids (conversations.list of public, unarchived channels), so a team's `#name`
 * becomes a `<#C…>` link. The whole listing is cached with a TTL and kept current by
 * `channel_rename` events; an answer waits at most its budget, and a slow listing serves the next one.
 */
export class ChannelDirectory {
  private idsByName = new Map<string, string>();
  private loadedAt: number | undefined;
  private failedAt: number | undefined;
  private loading: Promise<void> | undefined;
  /** Renames seen while a listing is being read: its older pages may still carry the old names. */
  private renamedWhileLoading: SlackChannel[] = [];

  constructor(
    private readonly api: SlackChannelApi,
    private readonly options: ChannelDirectoryOptions = {},
  ) {}

  /** Ids for the names known so far (keys are normalised names). Never throws; failures are logged. */
  async channelIdsByName(names: readonly string[], options: { budgetMs?: number } = {}): Promise<Map<string, string>> {
    const wanted = [...new Set(names.map(normaliseChannelName).filter(Boolean))];
    if (wanted.length === 0) return new Map();
    if (this.needsListing(wanted)) await waitAtMost(this.refresh(), options.budgetMs ?? 1500);
    const ids = new Map<string, string>();
    for (const name of wanted) {
      const id = this.idsByName.get(name);
      if (id) ids.set(name, id);
    }
    return ids;
  }

  /**
   * Starts reading the channel list without waiting for it, so the first answers after start-up
   * already link team channels rather than spending their budget on a cold cache.
   */
  warmUp(): void {
    if (this.loadedAt === undefined) void this.refresh();
  }

  /** A `channel_rename` event: the id keeps its link, under its new name. */
  renamed(channel: SlackChannel): void {
    this.applyRename(channel);
    if (this.loading) this.renamedWhileLoading.push(channel);
  }

  private applyRename(channel: SlackChannel): void {
    for (const [name, id] of this.idsByName) if (id === channel.id) this.idsByName.delete(name);
    this.idsByName.set(normaliseChannelName(channel.name), channel.id);
  }

  private needsListing(wanted: readonly string[]): boolean {
    if (this.loading) return true;
    const now = this.now();
    const missRefreshMs = this.options.missRefreshMs ?? 600_000;
    // After a failure, wait before asking Slack again: conversations.list is a tier 2 method.
    if (this.failedAt !== undefined && now - this.failedAt < missRefreshMs) return false;
    if (this.loadedAt === undefined) return true;
    if (now - this.loadedAt >= (this.options.ttlMs ?? 3_600_000)) return true;
    return now - this.loadedAt >= missRefreshMs && wanted.some((name) => !this.idsByName.has(name));
  }

  /** One listing at a time; it replaces the cache only when every page was read. */
  private refresh(): Promise<void> {
    if (this.loading) return this.loading;
    const startedAt = this.now();
    this.loading = this.listAll()
      .then((channels) => {
        const fresh = new Map(channels.map((channel) => [normaliseChannelName(channel.name), channel.id] as const));
        this.idsByName = fresh;
        for (const channel of this.renamedWhileLoading) this.applyRename(channel);
        this.loadedAt = startedAt;
        this.failedAt = undefined;
      })
      .catch((error: unknown) => {
        this.failedAt = this.now();
        this.options.log?.warn({ err: error }, 'conversations.list failed; team channels show as #name until the next try');
      })
      .finally(() => {
        this.loading = undefined;
        this.renamedWhileLoading = [];
      });
    return this.loading;
  }

  private async listAll(): Promise<SlackChannel[]> {
    const channels: SlackChannel[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < (this.options.maxPages ?? 50); page += 1) {
      const answer = await this.api.publicChannels(cursor);
      channels.push(...answer.channels);
      cursor = answer.nextCursor;
      if (!cursor) return channels;
    }
    this.options.log?.warn({ channels: channels.length }, 'conversations.list: stopped after the page limit; later channels show as #name');
    return channels;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
