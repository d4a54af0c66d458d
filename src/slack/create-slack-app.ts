import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import { boltLogger } from './bolt-logger.ts';
import { register as registerActions } from './listeners/actions/index.ts';
import { register as registerCommands } from './listeners/commands/index.ts';
import { register as registerEvents } from './listeners/events/index.ts';
import { reportListenerError } from './listeners/report-listener-error.ts';
import { register as registerShortcuts } from './listeners/shortcuts/index.ts';
import { buildSlackDeps, type CatalogDeps, type SlackDeps } from './slack-deps.ts';
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
  /** Connects (Socket Mode) or listens (HTTP; default port 3000). Resolves with the port listened on, if any. */
  start(listen?: { port?: number; host?: string }): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

const buildApp = (catalog: CatalogDeps, options: SlackAppOptions): App => {
  const { connection } = options;
  const transport =
    connection.mode === 'http'
      ? { signingSecret: connection.signingSecret, signatureVerification: true, endpoints: '/slack/events' }
      : { appToken: connection.appToken, socketMode: true };
  return new App({
    token: connection.botToken,
    ...transport,
    logger: boltLogger(catalog.log),
    clientOptions: { ...defaultClientOptions, ...options.clientOptions, ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}) },
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
  const app = buildApp(catalog, options);
  const deps = buildSlackDeps(catalog, options.users ?? webClientUserApi(app.client));
  for (const register of [registerCommands, registerActions, registerEvents, registerShortcuts]) register(app, deps);
  app.error(reportListenerError(catalog.log, app.client));
  return {
    app,
    deps,
    start: async (listen = {}) => {
      await app.init();
      if (options.connection.mode === 'socket') {
        await app.start();
        return {};
      }
      const server = (await app.start({ port: listen.port ?? 3000, host: listen.host ?? '0.0.0.0' })) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    stop: async () => void (await app.stop()),
  };
};
