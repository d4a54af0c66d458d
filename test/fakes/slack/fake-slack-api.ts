import type { JsonBody } from './answers.ts';
import type { StoredMessage } from './fake-state.ts';
import type { FakeFault } from './faults.ts';
import type { MethodRoute } from './method-route.ts';
import type { FakeBot, FakeChannel, FakeTeam, FakeUser } from './workspace.ts';

/** The public shape of the Web API fake; `startFakeSlack` in ../slack-api-server.ts builds one. */

export interface FakeSlackOptions {
  /** The only bot token accepted (default `xoxb-0000-fake-callboard-bot`). */
  botToken?: string;
  /** The app-level token for apps.connections.open (default `xapp-1-A0CALLBOARD-0000-fake`). */
  appToken?: string;
  team?: Partial<FakeTeam>;
  bot?: Partial<FakeBot>;
  users?: FakeUser[];
  channels?: FakeChannel[];
  /** Per-method budgets in calls per minute (e.g. `{ 'chat.update': 50 }`); beyond them 429 + Retry-After. */
  rateLimits?: Record<string, number>;
  /** Trigger lifetime; default 3000 ms like Slack. */
  triggerTtlMs?: number;
  /** Home tab on (default) or off (views.publish → not_enabled). */
  homeTabEnabled?: boolean;
  /** Grant chat:write.public: post into public channels without joining. Default false. */
  chatWritePublic?: boolean;
  /**
   * The bot token's scopes. When given, each method needs its scope (`missing_scope` with needed/provided
   * otherwise) and `chat:write.public` here grants chatWritePublic. Default: scopes are not checked.
   */
  scopes?: readonly string[];
  now?: () => number;
}

/** A file shared through files.uploadV2 (getUploadURLExternal, the upload, completeUploadExternal). */
export interface SharedFile {
  id: string;
  filename: string;
  title: string;
  /** The uploaded bytes as UTF-8 text (the app exports CSV and text). */
  content: string;
  /** Where completeUploadExternal shared it; empty when it stayed private. */
  channels: string[];
  threadTs?: string;
  initialComment?: string;
}

/**
 * One request as the fake answered it. `method` is `response_url` for response URL posts and `file_upload` for
 * bytes sent to an upload URL (body `{ bytes }`); status 0 = hung.
 */
export interface RecordedCall {
  method: string;
  body: JsonBody;
  token: string | undefined;
  status: number;
  response: unknown;
  at: number;
}

export interface FakeSlack {
  /** Origin, e.g. `http://127.0.0.1:53211`. */
  readonly url: string;
  /** What to pass as `slackApiUrl`: `${url}/api/`. */
  readonly apiUrl: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly team: FakeTeam;
  readonly bot: FakeBot;
  calls(method?: string): RecordedCall[];
  /** The first matching call, already recorded or arriving within `timeoutMs` (default 2000). */
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  clearCalls(): void;
  addUser(user: FakeUser): void;
  addChannel(channel: FakeChannel): void;
  /** Renames a seeded channel (then send a `channelRename` event, as Slack would). */
  renameChannel(channelId: string, name: string): FakeChannel;
  /** A trigger_id views.open/push accept once within 3 s; `ageMs` mints one that is already that old. */
  mintTriggerId(options?: { ageMs?: number }): string;
  /** An absolute response_url served by this fake (5 uses within 30 minutes). */
  mintResponseUrl(options?: { ageMs?: number }): string;
  /** The next `times` calls of `method` (default 1) answer with `fault` instead. */
  failNext(method: string, fault: FakeFault, times?: number): void;
  setRateLimit(method: string, perMinute: number | undefined): void;
  /** Adds or replaces a method (the Socket Mode fake adds apps.connections.open). */
  defineMethod(method: string, route: MethodRoute): void;
  /** Messages the app posted and has not deleted, oldest first, optionally for one channel. */
  messages(channel?: string): StoredMessage[];
  ephemerals(): StoredMessage[];
  /** Files whose upload was completed, oldest first, with their content. */
  sharedFiles(): SharedFile[];
  /** The open modal stack, root first, as Slack would echo the views. */
  openModals(): JsonBody[];
  homeView(userId: string): JsonBody | undefined;
  /** The user closed the top modal. */
  closeModal(): void;
  close(): Promise<void>;
}
