import { randomBytes } from 'node:crypto';
import { dmChannelIdOf, type FakeBot, type FakeChannel, type FakeTeam, type FakeUser } from './workspace.ts';

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
  /** Ids of files shared with this message (files.completeUploadExternal). */
  files?: string[];
}

/** One files.getUploadURLExternal ticket: declared, then its bytes, then completed (shared or kept private). */
export interface StoredUpload {
  id: string;
  filename: string;
  /** Bytes declared in files.getUploadURLExternal; the upload must send exactly these. */
  length: number;
  /** The secret path segment of its upload URL. */
  uploadKey: string;
  content?: Buffer;
  completed?: { title: string; channels: string[]; threadTs?: string; initialComment?: string };
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
  /** Granted bot scopes; undefined means every method is allowed (scopes not modelled). */
  scopes?: readonly string[];
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
  readonly uploads = new Map<string, StoredUpload>();
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
    return dmChannelIdOf(userId);
  }

  userForDm(channelId: string): FakeUser | undefined {
    return [...this.users.values()].find((user) => this.dmChannelOf(user.id) === channelId);
  }
}
