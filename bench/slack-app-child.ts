// One Slack app under load, in its own process: `bare` (Bolt with a trivial /owner handler, the floor)
// or `callboard` (the real app on a synced catalog). Prints {"port": N} once it listens.
import { App, LogLevel } from '@slack/bolt';
import pino from 'pino';
import { openCatalogRuntime } from '../src/catalog-runtime.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createRouter } from '../src/http/router.ts';
import { startHttpServer } from '../src/http/server.ts';
import { createSlackEventsRoute } from '../src/http/slack/slack-events-route.ts';
import { createSlackApp } from '../src/slack/create-slack-app.ts';

const [mode, configFile] = process.argv.slice(2);
const botToken = process.env.SLACK_BOT_TOKEN!;
const signingSecret = process.env.SLACK_SIGNING_SECRET!;
const apiUrl = process.env.SLACK_API_URL!;
const listen = { port: 0, host: '127.0.0.1' };

const startBare = async (): Promise<number> => {
  const app = new App({ token: botToken, signingSecret, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl }, deferInitialization: true });
  app.command('/owner', async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: 'pong' });
  });
  await app.init();
  const server = await app.start(listen);
  return (server.address() as { port: number }).port;
};

const startCallboard = async (): Promise<number> => {
  const runtime = openCatalogRuntime(loadConfig({ file: configFile!, env: {} }));
  const log = pino({ level: 'error' }, pino.destination(2));
  const slack = createSlackApp(
    { store: runtime.store, sync: runtime.sync, settings: { syncAllowed: [] }, log },
    { connection: { mode: 'http', botToken, signingSecret }, apiUrl },
  );
  await slack.start();
  // As npm start serves it: Callboard's server, its checks, then Bolt's receiver.
  const events = createSlackEventsRoute({ signingSecret });
  events.attach(slack.requestListener!);
  const server = await startHttpServer({ router: createRouter([events.route]), ...listen, log });
  return server.port;
};

// A clean exit on SIGTERM, so `--cpu-prof` (BENCH_CPU_PROF=1) can write its profile.
process.once('SIGTERM', () => process.exit(0));
const port = mode === 'bare' ? await startBare() : await startCallboard();
process.stdout.write(`${JSON.stringify({ port })}\n`);
