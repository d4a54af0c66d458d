import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { BlockKitViolation } from '../helpers/block-kit/check-block-kit-limits.ts';
import type { FakeSlack } from './slack-api-server.ts';
import { ok } from './slack/answers.ts';
import { checkAck } from './slack/check-ack.ts';
import type { SlackInbound } from './slack/inbound.ts';

/**
 * A loopback Socket Mode endpoint (reference §5.1): adds `apps.connections.open` (app-level token only) to the
 * Web API fake, which mints a single-use `ws://127.0.0.1:PORT/link/?ticket=…` URL; the socket says `hello`, then
 * carries envelopes the test delivers and the app's acks `{ envelope_id, payload }` back.
 */

export interface SocketAck {
  envelopeId: string;
  /** The ack body (the client always sends an object, `{}` for a bare ack). */
  payload: unknown;
  /** Limits the ack body breaks (see checkAck); empty when Slack would accept it. */
  violations: BlockKitViolation[];
}

export interface DeliverOptions {
  /** Default: true for slash commands, view_submission and block_suggestion; false otherwise. */
  acceptsResponsePayload?: boolean;
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the ack; default 3000 ms, Slack's deadline. */
  ackTimeoutMs?: number;
}

export interface FakeSocketMode {
  /** Number of open sockets that have been sent `hello`. */
  connectionCount(): number;
  waitForConnection(timeoutMs?: number): Promise<void>;
  /** Sends one envelope on the newest connection and resolves with the app's ack (rejects after the deadline). */
  deliver(inbound: SlackInbound, options?: DeliverOptions): Promise<SocketAck>;
  acks(): SocketAck[];
  /** Asks the client to reconnect, as Slack does before recycling a socket. */
  sendDisconnect(reason?: 'refresh_requested' | 'link_disabled' | 'warning'): void;
  close(): Promise<void>;
}

export async function startFakeSocketMode(slack: FakeSlack): Promise<FakeSocketMode> {
  const fake = new SocketModeServer(slack);
  await fake.listen();
  return fake;
}

const RESPONSE_PAYLOAD_TYPES = ['view_submission', 'block_suggestion'];

class SocketModeServer implements FakeSocketMode {
  private readonly server: Server = createServer((_request, response) => response.writeHead(404).end());
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly sockets: WebSocket[] = [];
  private readonly pending = new Map<string, { inbound: SlackInbound; resolve: (ack: SocketAck) => void }>();
  private readonly received: SocketAck[] = [];
  private readonly events = new EventEmitter();
  private origin = '';

  constructor(private readonly slack: FakeSlack) {}

  async listen(): Promise<void> {
    this.server.on('upgrade', (request, socket, head) => this.upgrade(request, socket, head));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.slack.defineMethod('apps.connections.open', { token: 'app', handle: () => ok({ url: this.mintUrl() }) });
  }

  connectionCount(): number {
    return this.sockets.length;
  }

  waitForConnection(timeoutMs = 3000): Promise<void> {
    if (this.sockets.length > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no Socket Mode connection within ${timeoutMs} ms`)), timeoutMs);
      this.events.once('connected', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  deliver(inbound: SlackInbound, options: DeliverOptions = {}): Promise<SocketAck> {
    const socket = this.sockets.at(-1);
    if (!socket) return Promise.reject(new Error('no Socket Mode connection: start the app first'));
    const envelopeId = randomUUID();
    const timeoutMs = options.ackTimeoutMs ?? 3000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`envelope ${envelopeId} (${inbound.kind}) was not acked within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, { inbound, resolve: (ack) => (clearTimeout(timer), resolve(ack)) });
      socket.send(JSON.stringify(envelope(envelopeId, inbound, options)));
    });
  }

  acks(): SocketAck[] {
    return [...this.received];
  }

  sendDisconnect(reason: 'refresh_requested' | 'link_disabled' | 'warning' = 'refresh_requested'): void {
    for (const socket of this.sockets) socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-socket-mode' } }));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.events.removeAllListeners();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private mintUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.origin}/link/?ticket=${ticket}&app_id=${this.slack.bot.appId}`;
  }

  /** Only URLs minted by apps.connections.open connect, once each, like Slack's tickets. */
  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const ticket = url.searchParams.get('ticket') ?? '';
    if (!url.pathname.startsWith('/link') || !this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.sockets.push(ws);
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('close', () => this.sockets.splice(this.sockets.indexOf(ws), 1));
    const hello = {
      type: 'hello',
      num_connections: this.sockets.length,
      debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 },
      connection_info: { app_id: this.slack.bot.appId },
    };
    ws.send(JSON.stringify(hello));
    this.events.emit('connected');
  }

  /** Acks are `{ envelope_id, payload }`; anything else is ignored, as Slack does. */
  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(rawText(data)) as typeof message;
    } catch {
      return;
    }
    const pending = this.pending.get(String(message.envelope_id));
    if (!pending) return;
    this.pending.delete(String(message.envelope_id));
    const ack: SocketAck = { envelopeId: String(message.envelope_id), payload: message.payload, violations: checkAck(pending.inbound, message.payload) };
    this.received.push(ack);
    pending.resolve(ack);
  }
}

function envelope(envelopeId: string, inbound: SlackInbound, options: DeliverOptions): Record<string, unknown> {
  const accepts = options.acceptsResponsePayload ?? (inbound.kind === 'slash_commands' || RESPONSE_PAYLOAD_TYPES.includes(String(inbound.payload.type)));
  const retry = inbound.kind === 'events_api' ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' } : {};
  return { envelope_id: envelopeId, type: inbound.kind, payload: inbound.payload, accepts_response_payload: accepts, ...retry };
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}
