import pino, { type Logger } from 'pino';
import { openCatalogRuntime, type CatalogRuntime } from './catalog-runtime.ts';
import { loadConfig, type Config } from './config/load-config.ts';
import { logSyncSummary, scheduleCatalogSync } from './schedule/schedule-sync.ts';
import { createSlackApp, type SlackApp, type SlackConnection } from './slack/create-slack-app.ts';
import { resolveSlackConnection } from './slack/slack-connection.ts';

const LOCAL_MODE_HINT = [
  'No Slack credentials (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET, or + SLACK_APP_TOKEN): running in local mode.',
  'Ask Callboard what you would ask in Slack, in another terminal:',
  '  npx callboard ask "/owner checkout-service"',
  '  npx callboard ask "what depends on orders-db?"',
  'README.md ("Slack") shows how to connect a workspace.',
].join('\n');

/** Starts the Slack app when the environment has credentials; local mode (a hint) when it has none. */
const startSlack = async (config: Config, connection: SlackConnection | undefined, runtime: CatalogRuntime, log: Logger): Promise<SlackApp | undefined> => {
  if (!connection) {
    log.info({ mode: 'local' }, 'Slack not configured');
    process.stdout.write(`\n${LOCAL_MODE_HINT}\n\n`);
    return undefined;
  }
  const settings = { syncAllowed: config.slack.syncAllowed, ...(config.slack.callboardUrl ? { callboardUrl: config.slack.callboardUrl } : {}) };
  const slack = createSlackApp(
    { store: runtime.store, sync: runtime.sync, settings, log },
    { connection, ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}) },
  );
  const { port } = await slack.start({ port: config.http.port, host: config.http.host });
  log.info({ mode: connection.mode, ...(port !== undefined ? { port, endpoint: '/slack/events' } : {}) }, 'Slack app ready');
  return slack;
};

/**
 * Composition root for `npm start`, one process: load the configuration, open the catalog, sync
 * once, keep it fresh on the configured schedule, and answer in Slack (or print how to ask locally).
 */
export const main = async (): Promise<void> => {
  const log = pino({ name: 'callboard' });
  // A failed answer must never take the catalog down with it: log and carry on.
  process.on('unhandledRejection', (error) => log.error({ err: error }, 'unhandled rejection; Callboard keeps running'));
  const config = loadConfig();
  // Half a Slack setup fails now, before a sync pass makes the mistake slow to see.
  const connection = resolveSlackConnection(config.slack);
  log.info({ config: config.file ?? 'built-in defaults', database: config.database.path, sources: config.catalog.sources.map((s) => s.id) }, 'starting');
  const runtime = openCatalogRuntime(config, {
    onCheckpointError: (error) => log.warn({ err: error }, 'background WAL checkpoint failed; the next pass retries it'),
  });
  logSyncSummary(log, await runtime.sync.syncAll());
  const job = scheduleCatalogSync(runtime.sync, config.catalog.schedule, log);
  log.info({ schedule: config.catalog.schedule }, 'catalog ready');
  const slack = await startSlack(config, connection, runtime, log);
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    job.stop();
    await slack?.stop().catch((error: unknown) => log.warn({ err: error }, 'Slack app did not stop cleanly'));
    runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
};
