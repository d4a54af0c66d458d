import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { SlackRequestListener } from '../http/slack/slack-events-route.ts';
import { boltLogger } from './bolt-logger.ts';
import { register as registerActions } from './listeners/actions/index.ts';
import { register as registerCommands } from './listeners/commands/index.ts';
import { register as registerEvents } from './listeners/events/index.ts';
import { reportListenerError } from './listeners/report-listener-error.ts';
import { register as registerScaffolder } from './listeners/scaffolder/index.ts';
import { register as registerShortcuts } from './listeners/shortcuts/index.ts';
import { buildSlackDeps, type CatalogDeps, type SlackDeps } from './slack-deps.ts';
import { webClientChannelApi, type SlackChannelApi } from './slack-channel-api.ts';
import { webClientUserApi, type SlackUserApi } from './slack-user-api.ts';

/** How the app reaches Slack: Slack calls it over HTTP (signed requests), or it dials out over Socket Mode. */
export type SlackConnection = { mode: 'http'; botToken: string; signingSecret: string } | { mode: 'socket'; botToken: string; appToken: string };

export interface SlackAppOptions {
  connection: SlackConnection;
  /** Base URL of the Web API (default Slack's own); tests point it at a loopback fake. */
  apiUrl?: string;
  /** Client tuning; the defaults suit production (see `defaultClientOptions`). */
  clientOptions?: Pick<WebClientOptions, 'retryConfig' | 'timeout' | 'rejectRateLimitedCalls'>;
  /** Who people are in Slack; default the app's own Web API client. */
  users?: SlackUserApi;
  /** The workspace's channels, to link team channels; default the app's own Web API client. */
  channels?: SlackChannelApi;
  /** Socket Mode: told when the connection comes up or drops (Bolt reconnects by itself). */
  onConnectionChange?: (connected: boolean) => void;
}

/**
 * A few quick retries rather than the client's default half hour: a 5xx, a network error or a
 * timeout is tried again three times within about three seconds; a 429 waits its Retry-After.
 */
export const defaultClientOptions = {
  retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 2000, randomize: true },
  timeout: 10_000,
} satisfies SlackAppOptions['clientOptions'];

export interface SlackApp {
  app: App;
  deps: SlackDeps;
  /**
   * HTTP mode: Bolt's receiver, to mount at `/slack/events` on Callboard's own server (src/http), which reads
   * and checks the request first. Bolt never listens on a port of its own.
   */
  requestListener?: SlackRequestListener;
  /** Checks the bot token (auth.test) and, in Socket Mode, connects. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** HTTP: Bolt's HTTPReceiver, verifying signatures as ever, driven through its requestListener. Socket: dials out. */
const buildReceiver = (options: SlackAppOptions, logger: ReturnType<typeof boltLogger>): HTTPReceiver | SocketModeReceiver => {
  const { connection } = options;
  if (connection.mode === 'http')
    return new HTTPReceiver({ signingSecret: connection.signingSecret, signatureVerification: true, endpoints: '/slack/events', logger });
  // The Socket Mode client opens its connection through the Web API (apps.connections.open): same client settings.
  const receiver = new SocketModeReceiver({
    appToken: connection.appToken,
    logger,
    installerOptions: { clientOptions: buildClientOptions(options) },
  });
  const notify = options.onConnectionChange;
  if (notify) {
    receiver.client.on('connected', () => notify(true));
    receiver.client.on('disconnected', () => notify(false));
    receiver.client.on('reconnecting', () => notify(false));
  }
  return receiver;
};

const buildClientOptions = (options: SlackAppOptions): WebClientOptions => ({
  ...defaultClientOptions,
  ...options.clientOptions,
  ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
});

const buildApp = (catalog: CatalogDeps, options: SlackAppOptions, receiver: Receiver): App => {
  const { connection } = options;
  return new App({
    token: connection.botToken,
    receiver,
    ...(connection.mode === 'socket' ? { socketMode: true } : {}),
    logger: boltLogger(catalog.log),
    clientOptions: buildClientOptions(options),
    extendedErrorHandler: true,
    // No listener uses conversation state; Bolt's default in-memory store costs work on every request.
    convoStore: false,
    // auth.test runs in init(), called by start(): nothing touches the network while wiring.
    deferInitialization: true,
  });
};

/**
 * Builds the Bolt app: the same listeners whichever receiver carries the requests, and one error
 * handler for all of them. Nothing connects until `start()`.
 */
export const createSlackApp = (catalog: CatalogDeps, options: SlackAppOptions): SlackApp => {
  const receiver = buildReceiver(options, boltLogger(catalog.log));
  const app = buildApp(catalog, options, receiver);
  const deps = buildSlackDeps(catalog, options.users ?? webClientUserApi(app.client), options.channels ?? webClientChannelApi(app.client));
  for (const register of [registerCommands, registerActions, registerEvents, registerShortcuts, registerScaffolder]) register(app, deps);
  app.error(reportListenerError(catalog.log, app.client));
  const isSocket = receiver instanceof SocketModeReceiver;
  return {
    app,
    deps,
    ...(receiver instanceof HTTPReceiver ? { requestListener: receiver.requestListener } : {}),
    start: async () => {
      await app.init();
      // The token works: read the channel list in the background for the first answers.
      deps.channels.warmUp();
      if (isSocket) await app.start();
    },
    // Over HTTP there is nothing of Bolt's own to stop: the server is Callboard's.
    stop: async () => void (isSocket ? await app.stop() : undefined),
  };
};
