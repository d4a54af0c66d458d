// One Slack app answering /oncall, in its own process: `bare` (Bolt whose /oncall answers one line at its
// response_url at once, the floor) or `callboard` (the real app with the on-call providers built as src/main.ts
// builds them: PagerDuty from PAGERDUTY_TOKEN/PAGERDUTY_API_URL, built-in rotations from the synced catalog).
// Prints {"port": N} once it listens.
import { App, LogLevel } from '@slack/bolt';
import pino from 'pino';
import { openCatalogRuntime } from '../src/catalog-runtime.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createRouter } from '../src/http/router.ts';
import { startHttpServer } from '../src/http/server.ts';
import { createSlackEventsRoute } from '../src/http/slack/slack-events-route.ts';
import { buildSlackOnCall } from '../src/oncall-runtime.ts';
import { createSlackApp } from '../src/slack/create-slack-app.ts';

const [mode, configFile] = process.argv.slice(2);
const botToken = process.env.SLACK_BOT_TOKEN!;
const signingSecret = process.env.SLACK_SIGNING_SECRET!;
const apiUrl = process.env.SLACK_API_URL!;
const listen = { port: 0, host: '127.0.0.1' };

const startBare = async (): Promise<number> => {
  const app = new App({ token: botToken, signingSecret, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl }, deferInitialization: true });
  app.command('/oncall', async ({ ack, respond, command }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: `on call for ${command.text}: nobody` });
  });
  await app.init();
  const server = await app.start(listen);
  return (server.address() as { port: number }).port;
};

const startCallboard = async (): Promise<number> => {
  // Only the PagerDuty variables reach the configuration: the bench's own environment must not change the figures.
  const env = { PAGERDUTY_TOKEN: process.env.PAGERDUTY_TOKEN, PAGERDUTY_API_URL: process.env.PAGERDUTY_API_URL };
  const config = loadConfig({ file: configFile!, env });
  const runtime = openCatalogRuntime(config);
  const log = pino({ level: 'error' }, pino.destination(2));
  // As src/main.ts's startSlack does for what /oncall reads; the scaffolder side is left out (no /oncall path uses it).
  const slack = createSlackApp(
    {
      store: runtime.store,
      sync: runtime.sync,
      settings: { syncAllowed: [], pagerdutyUrl: 'https://acme.pagerduty.com' },
      log,
      oncall: buildSlackOnCall(config, runtime.store),
      scorecards: runtime.scorecardResults,
    },
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
// The bench holds this pipe open: when it dies without stopping us (Ctrl-C, a crash), the pipe ends and so do we.
process.stdin.once('end', () => process.exit(0)).resume();
const port = mode === 'bare' ? await startBare() : await startCallboard();
process.stdout.write(`${JSON.stringify({ port })}\n`);
