import { randomBytes } from 'node:crypto';
import type { FakeBot, FakeChannel, FakeTeam, FakeUser } from './workspace.ts';

/** Everything the fake remembers between calls: seeds, posted messages, views, triggers and response URLs. */

export interface StoredMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  threadTs?: string;
  /** Author user id; the bot's for everything posted through the API. */
  user: string;
  metadata?: unknown;
}

export interface StoredView {
  id: string;
  hash: string;
  json: Record<string, unknown>;
}

export interface Minted {
  issuedAt: number;
  uses: number;
}

export interface FakeStateOptions {
  team: FakeTeam;
  bot: FakeBot;
  botToken: string;
  appToken: string;
  triggerTtlMs: number;
  homeTabEnabled: boolean;
  /** The `chat:write.public` scope: post into public channels the bot has not joined. */
  chatWritePublic: boolean;
  now: () => number;
}

export class FakeSlackState {
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, StoredMessage>();
  readonly ephemerals: StoredMessage[] = [];
  readonly views = new Map<string, StoredView>();
  readonly homeViews = new Map<string, string>();
  /** The open modal stack, root first; Slack allows 3. */
  modalStack: string[] = [];
  readonly triggers = new Map<string, Minted>();
  readonly responseUrls = new Map<string, Minted>();
  private counter = 0;

  constructor(readonly options: FakeStateOptions) {}

  now(): number {
    return this.options.now();
  }

  /** Message timestamps are unique and increasing, like Slack's `seconds.micros`. */
  nextTs(): string {
    this.counter += 1;
    return `${Math.floor(this.now() / 1000)}.${String(this.counter).padStart(6, '0')}`;
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(8, '0')}`;
  }

  hash(): string {
    return `${Math.floor(this.now() / 1000)}.${randomBytes(4).toString('hex')}`;
  }

  /** Trigger ids look like Slack's (`digits.digits.hex`) and are remembered so views.* can check them. */
  mintTrigger(ageMs = 0): string {
    const id = `${this.nextId('')}.${Math.floor(this.now() / 1000)}.${randomBytes(8).toString('hex')}`;
    this.triggers.set(id, { issuedAt: this.now() - ageMs, uses: 0 });
    return id;
  }

  mintResponseUrlId(ageMs = 0): string {
    const id = `${this.options.team.id}/${this.nextId('')}/${randomBytes(12).toString('hex')}`;
    this.responseUrls.set(id, { issuedAt: this.now() - ageMs, uses: 0 });
    return id;
  }

  messageKey(channel: string, ts: string): string {
    return `${channel}:${ts}`;
  }

  /** The app's DM with a seeded user, as chat.postMessage(channel: userId) resolves it. */
  dmChannelOf(userId: string): string {
    return `D${userId.slice(1)}`;
  }

  userForDm(channelId: string): FakeUser | undefined {
    return [...this.users.values()].find((user) => this.dmChannelOf(user.id) === channelId);
  }
}
