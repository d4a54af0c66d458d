import pino from 'pino';
import type { CatalogRuntime } from '../../../src/catalog-runtime.ts';
import { createRouter } from '../../../src/http/router.ts';
import { startHttpServer, type HttpServer } from '../../../src/http/server.ts';
import { createSlackEventsRoute } from '../../../src/http/slack/slack-events-route.ts';
import { createSlackApp, type SlackApp } from '../../../src/slack/create-slack-app.ts';
import type { CatalogDeps, SlackSettings } from '../../../src/slack/slack-deps.ts';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from '../../fakes/slack-api-server.ts';
import { sendToApp, type HttpRequestOptions, type SlackInbound } from '../../fakes/slack-payloads.ts';
import { startFakeSocketMode, type FakeSocketMode } from '../../fakes/slack-socket-mode-server.ts';
import { openExampleCatalog, People } from './catalog-fixture.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Retries short enough for tests: a 5xx is retried twice within a few hundred ms. */
const FAST_CLIENT = { retryConfig: { retries: 2, factor: 1, minTimeout: 20, maxTimeout: 50 }, timeout: 2000 };

export interface Harness {
  fake: FakeSlack;
  runtime: CatalogRuntime;
  slack: SlackApp;
  /** `http://127.0.0.1:PORT/slack/events` (HTTP mode). */
  endpoint: string;
  socket?: FakeSocketMode;
  logs: Array<Record<string, unknown>>;
  send(inbound: SlackInbound, options?: HttpRequestOptions): Promise<Response>;
  close(): Promise<void>;
}

/** Collects log lines in memory so tests can assert on what was logged. */
const memoryLog = () => {
  const logs: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, logs };
};

/** Callboard's own HTTP server with only the `/slack/events` route, checks included, handing requests to Bolt. */
const serveSlackEvents = async (slack: SlackApp, log: pino.Logger): Promise<HttpServer> => {
  const events = createSlackEventsRoute({ signingSecret: SIGNING_SECRET });
  events.attach(slack.requestListener!);
  return startHttpServer({ router: createRouter([events.route]), host: '127.0.0.1', port: 0, log });
};

/**
 * The real Bolt app on the example org, talking to the strict fake Slack: over HTTP on a random
 * loopback port (signature verification on), or over Socket Mode through the fake's WebSocket.
 */
export const startHarness = async (
  options: {
    mode?: 'http' | 'socket';
    settings?: Partial<SlackSettings>;
    /** More seeds, scopes…: users and channels add to the defaults. */
    fake?: FakeSlackOptions;
    /** Another synced catalog instead of the example org alone (closed with the harness). */
    runtime?: CatalogRuntime;
    /** The scaffolder side: templates, runs, registering sources, message templates. */
    scaffolding?: Pick<CatalogDeps, 'scaffolder' | 'registrar' | 'messages'>;
    /** `/callboard subscribe | unsubscribe | schedules`. */
    schedules?: CatalogDeps['schedules'];
    /** On-call providers and budget (`/oncall`, the on-call lines of cards and App Home). */
    oncall?: CatalogDeps['oncall'];
    /** Incident channel cards: patterns, blast radius depth and the ledger. */
    incidents?: CatalogDeps['incidents'];
    /** Built docs and their public address. */
    docs?: CatalogDeps['docs'];
  } = {},
): Promise<Harness> => {
  const mode = options.mode ?? 'http';
  const runtime = options.runtime ?? (await openExampleCatalog());
  const fake = await startFakeSlack({
    ...options.fake,
    users: [...Object.values(People).map((person) => ({ id: person.id, name: person.id.toLowerCase(), email: person.email })), ...(options.fake?.users ?? [])],
    channels: [{ id: 'C0GENERAL', name: 'general' }, ...(options.fake?.channels ?? [])],
  });
  const socket = mode === 'socket' ? await startFakeSocketMode(fake) : undefined;
  const { log, logs } = memoryLog();
  const connection =
    mode === 'http' ? { mode, botToken: fake.botToken, signingSecret: SIGNING_SECRET } : { mode, botToken: fake.botToken, appToken: fake.appToken };
  const settings = { syncAllowed: [], callboardUrl: 'https://callboard.acme.example', ...options.settings };
  const slack = createSlackApp(
    {
      store: runtime.store,
      sync: runtime.sync,
      settings,
      log,
      ...options.scaffolding,
      ...(options.schedules ? { schedules: options.schedules } : {}),
      ...(options.oncall ? { oncall: options.oncall } : {}),
      ...(options.incidents ? { incidents: options.incidents } : {}),
      ...(options.docs ? { docs: options.docs } : {}),
    },
    { connection, apiUrl: fake.apiUrl, clientOptions: FAST_CLIENT },
  );
  await slack.start();
  if (socket) await socket.waitForConnection();
  const server = mode === 'http' ? await serveSlackEvents(slack, log) : undefined;
  const endpoint = `${server?.url ?? 'http://127.0.0.1:0'}/slack/events`;
  return {
    fake,
    runtime,
    slack,
    endpoint,
    ...(socket ? { socket } : {}),
    logs,
    send: (inbound, sendOptions) => sendToApp(endpoint, inbound, SIGNING_SECRET, sendOptions),
    close: async () => {
      await slack.stop();
      await server?.close();
      await socket?.close();
      await fake.close();
      runtime.close();
    },
  };
};
