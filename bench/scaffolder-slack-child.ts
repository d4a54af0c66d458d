// One Slack app answering /create, in its own process: `bare` (Bolt whose /create opens a one-line modal at once,
// the floor) or `callboard` (the real app with the scaffolder built as src/main.ts builds it, on a synced catalog).
// Prints {"port": N} once it listens.
import { join } from 'node:path';
import { App, LogLevel } from '@slack/bolt';
import pino from 'pino';
import { openCatalogRuntime } from '../src/catalog-runtime.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createRouter } from '../src/http/router.ts';
import { startHttpServer } from '../src/http/server.ts';
import { createSlackEventsRoute } from '../src/http/slack/slack-events-route.ts';
import { createMessageRenderer } from '../src/scaffolder/messages/create-message-renderer.ts';
import { buildScaffolder, buildSourceRegistrar } from '../src/scaffolder-runtime.ts';
import { createSlackApp } from '../src/slack/create-slack-app.ts';

const [mode, configFile] = process.argv.slice(2);
const botToken = process.env.SLACK_BOT_TOKEN!;
const signingSecret = process.env.SLACK_SIGNING_SECRET!;
const apiUrl = process.env.SLACK_API_URL!;
const listen = { port: 0, host: '127.0.0.1' };

const startBare = async (): Promise<number> => {
  const app = new App({ token: botToken, signingSecret, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl }, deferInitialization: true });
  app.command('/create', async ({ ack, client, command }) => {
    await ack();
    await client.views.open({
      trigger_id: command.trigger_id,
      view: { type: 'modal', title: { type: 'plain_text', text: 'Create' }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: command.text } }] },
    });
  });
  await app.init();
  const server = await app.start(listen);
  return (server.address() as { port: number }).port;
};

const startCallboard = async (): Promise<number> => {
  const config = loadConfig({ file: configFile!, env: {} });
  const runtime = openCatalogRuntime(config);
  const log = pino({ level: 'error' }, pino.destination(2));
  const registrar = buildSourceRegistrar(config, runtime);
  const scaffolder = buildScaffolder(config, runtime, log, registrar);
  // As src/main.ts does after the first sync: every template read once before Slack is served.
  scaffolder.listTemplates(undefined);
  const messages = createMessageRenderer(config.scaffolder.messages, { defaultsDir: join(config.scaffolder.templatesDir, 'messages') });
  const slack = createSlackApp(
    { store: runtime.store, sync: runtime.sync, settings: { syncAllowed: [] }, log, scaffolder, registrar, messages },
    { connection: { mode: 'http', botToken, signingSecret }, apiUrl },
  );
  await slack.start();
  // As npm start serves it: Callboard's server, its checks, then Bolt's receiver.
  const events = createSlackEventsRoute({ signingSecret });
  events.attach(slack.requestListener!);
  const server = await startHttpServer({ router: createRouter([events.route]), ...listen, log });
  return server.port;
};

process.once('SIGTERM', () => process.exit(0));
const port = mode === 'bare' ? await startBare() : await startCallboard();
process.stdout.write(`${JSON.stringify({ port })}\n`);
