import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type JsonBody, type SlackAnswer } from './slack/answers.ts';
import { chatRoutes } from './slack/chat-routes.ts';
import { directoryRoutes } from './slack/directory-routes.ts';
import { FakeSlackState, type StoredMessage } from './slack/fake-state.ts';
import { FaultPlan, type FakeFault } from './slack/faults.ts';
import { historyRoutes } from './slack/history-routes.ts';
import { UPLOAD_PATH, answerUpload, fileRoutes } from './slack/file-routes.ts';
import { checkScopes, type MethodRoute } from './slack/method-route.ts';
import { parseApiBody, readBody, readToken } from './slack/parse-request.ts';
import { RESPONSE_URL_PATH, answerResponseUrl, recordedResponseBody } from './slack/response-urls.ts';
import { viewRoutes } from './slack/view-routes.ts';
import {
  DEFAULT_APP_TOKEN,
  DEFAULT_BOT,
  DEFAULT_BOT_TOKEN,
  DEFAULT_TEAM,
  type FakeBot,
  type FakeChannel,
  type FakeTeam,
  type FakeUser,
} from './slack/workspace.ts';
import type { FakeSlack, FakeSlackOptions, RecordedCall, SharedFile } from './slack/fake-slack-api.ts';

export type { FakeSlack, FakeSlackOptions, RecordedCall, SharedFile } from './slack/fake-slack-api.ts';
export { SLACK_RATE_TIERS, type FakeFault } from './slack/faults.ts';
export type { StoredMessage } from './slack/fake-state.ts';
export type { FakeBot, FakeChannel, FakeTeam, FakeUser } from './slack/workspace.ts';

/**
 * A strict loopback Slack Web API (reference §0 and §3): `POST /api/<method>` as @slack/web-api sends it, token
 * checks, Block Kit limits, triggers, response URLs, rate limits and injected faults. Every call is recorded.
 */

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlackServer(options);
  await fake.listen();
  return fake;
}

class FakeSlackServer implements FakeSlack {
  url = '';
  readonly botToken: string;
  readonly appToken: string;
  readonly team: FakeTeam;
  readonly bot: FakeBot;
  private readonly state: FakeSlackState;
  private readonly faults = new FaultPlan();
  private readonly routes = new Map<string, MethodRoute>(Object.entries({ ...directoryRoutes, ...chatRoutes, ...historyRoutes, ...viewRoutes, ...fileRoutes }));
  private readonly recorded: RecordedCall[] = [];
  private readonly events = new EventEmitter();
  private readonly server: Server = createServer((request, response) => void this.handle(request, response));

  constructor(options: FakeSlackOptions) {
    this.botToken = options.botToken ?? DEFAULT_BOT_TOKEN;
    this.appToken = options.appToken ?? DEFAULT_APP_TOKEN;
    this.team = { ...DEFAULT_TEAM, ...options.team };
    this.bot = { ...DEFAULT_BOT, ...options.bot };
    this.state = new FakeSlackState({
      team: this.team,
      bot: this.bot,
      botToken: this.botToken,
      appToken: this.appToken,
      triggerTtlMs: options.triggerTtlMs ?? 3000,
      homeTabEnabled: options.homeTabEnabled ?? true,
      chatWritePublic: options.chatWritePublic ?? options.scopes?.includes('chat:write.public') ?? false,
      ...(options.scopes ? { scopes: [...options.scopes] } : {}),
      now: options.now ?? Date.now,
    });
    for (const user of options.users ?? []) this.addUser(user);
    for (const channel of options.channels ?? []) this.addChannel(channel);
    for (const [method, perMinute] of Object.entries(options.rateLimits ?? {})) this.faults.setRateLimit(method, perMinute);
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  calls(method?: string): RecordedCall[] {
    return this.recorded.filter((call) => method === undefined || call.method === method);
  }

  waitForCall(method: string, predicate: (call: RecordedCall) => boolean = () => true, timeoutMs = 2000): Promise<RecordedCall> {
    const matches = (call: RecordedCall): boolean => call.method === method && predicate(call);
    const existing = this.recorded.find(matches);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall): void => {
        if (!matches(call)) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        const seen = this.recorded.map((call) => call.method).join(', ') || 'none';
        reject(new Error(`no matching ${method} call within ${timeoutMs} ms (calls seen: ${seen})`));
      }, timeoutMs);
      this.events.on('call', onCall);
    });
  }

  clearCalls(): void {
    this.recorded.splice(0);
  }

  addUser(user: FakeUser): void {
    this.state.users.set(user.id, { ...user });
  }

  addChannel(channel: FakeChannel): void {
    this.state.channels.set(channel.id, { ...channel });
  }

  renameChannel(channelId: string, name: string): FakeChannel {
    const channel = this.state.channels.get(channelId);
    if (!channel) throw new Error(`renameChannel: ${channelId} was never seeded (addChannel first)`);
    channel.name = name;
    return { ...channel };
  }

  mintTriggerId(options: { ageMs?: number } = {}): string {
    return this.state.mintTrigger(options.ageMs);
  }

  mintResponseUrl(options: { ageMs?: number } = {}): string {
    return `${this.url}${RESPONSE_URL_PATH}${this.state.mintResponseUrlId(options.ageMs)}`;
  }

  failNext(method: string, fault: FakeFault, times = 1): void {
    this.faults.failNext(method, fault, times);
  }

  setRateLimit(method: string, perMinute: number | undefined): void {
    this.faults.setRateLimit(method, perMinute);
  }

  defineMethod(method: string, route: MethodRoute): void {
    this.routes.set(method, route);
  }

  messages(channel?: string): StoredMessage[] {
    return [...this.state.messages.values()].filter((message) => channel === undefined || message.channel === channel);
  }

  ephemerals(): StoredMessage[] {
    return [...this.state.ephemerals];
  }

  sharedFiles(): SharedFile[] {
    return [...this.state.uploads.values()].flatMap(({ id, filename, content, completed }) =>
      content && completed ? [{ id, filename, content: content.toString('utf8'), ...completed }] : [],
    );
  }

  openModals(): JsonBody[] {
    const views = this.state.modalStack.map((id) => this.state.views.get(id)?.json);
    return views.filter((view): view is JsonBody => view !== undefined);
  }

  homeView(userId: string): JsonBody | undefined {
    return this.state.views.get(this.state.homeViews.get(userId) ?? '')?.json;
  }

  closeModal(): void {
    this.state.modalStack = this.state.modalStack.slice(0, -1);
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', this.url).pathname;
    const bytes = await readBody(request);
    const raw = bytes.toString('utf8');
    const contentType = request.headers['content-type'];
    if (request.method === 'POST' && path.startsWith('/api/')) {
      const method = path.slice('/api/'.length);
      const parsed = parseApiBody(raw, contentType);
      const body = parsed.ok ? parsed.body : { raw };
      const token = readToken(request, body);
      const answer = parsed.ok ? this.answerMethod(method, body, token) : fail(parsed.error);
      return this.finish(response, { method, body, token }, answer);
    }
    if (request.method === 'POST' && path.startsWith(UPLOAD_PATH)) {
      const answer = await answerUpload(this.state, path.slice(UPLOAD_PATH.length), bytes, contentType);
      return this.finish(response, { method: 'file_upload', body: { bytes: bytes.length }, token: readToken(request, {}) }, answer);
    }
    if (request.method === 'POST' && path.startsWith(RESPONSE_URL_PATH)) {
      const answer = answerResponseUrl(this.state, decodeURIComponent(path.slice(RESPONSE_URL_PATH.length)), raw, contentType);
      return this.finish(response, { method: 'response_url', body: recordedResponseBody(raw), token: undefined }, answer);
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not a Slack fake route');
  }

  /** Order matters: unknown method, then token (not_authed / invalid_auth / wrong kind), scopes, faults, then the method. */
  private answerMethod(method: string, body: JsonBody, token: string | undefined): SlackAnswer {
    const route = this.routes.get(method);
    if (!route) return fail('unknown_method');
    if (token === undefined) return fail('not_authed');
    const expected = route.token === 'app' ? this.appToken : this.botToken;
    if (token !== expected) return fail(token === this.botToken || token === this.appToken ? 'not_allowed_token_type' : 'invalid_auth');
    const refused = checkScopes(this.state, route.scopes);
    if (refused) return refused;
    const fault = this.faults.take(method, this.state.now());
    const answer = !fault || fault.methodRuns ? route.handle({ body, state: this.state, origin: this.url }) : undefined;
    return fault ?? (answer as SlackAnswer);
  }

  private finish(response: ServerResponse, call: Pick<RecordedCall, 'method' | 'body' | 'token'>, answer: SlackAnswer): void {
    const record: RecordedCall = { ...call, status: answer.hang ? 0 : answer.status, response: answer.body, at: this.state.now() };
    this.recorded.push(record);
    this.events.emit('call', record);
    if (answer.hang) return;
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers }).end(text);
  }
}
