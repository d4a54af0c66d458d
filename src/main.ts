import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { openCatalogRuntime, type CatalogRuntime } from './catalog-runtime.ts';
import { loadConfig, type Config } from './config/load-config.ts';
import { checkDocsAccessConfig } from './http/auth/check-docs-access-config.ts';
import { openDocsAccess } from './http/auth/open-docs-access.ts';
import { docsOnCallLine } from './docs/docs-on-call-line.ts';
import { mountDocsRoutes } from './http/docs/mount-docs-routes.ts';
import { Readiness } from './http/readiness.ts';
import { healthRoutes } from './http/routes/health.ts';
import { createRouter, type Router } from './http/router.ts';
import { startHttpServer, type HttpServer } from './http/server.ts';
import type { SlackEventsRoute } from './http/slack/slack-events-route.ts';
import { githubWebhookRoute } from './http/webhooks/github.ts';
import { builtinJobRunners, builtinJobSpecs } from './schedule/builtin-jobs.ts';
import { logSyncSummary } from './schedule/catalog-sync-job.ts';
import { JobRegistry } from './schedule/job-registry.ts';
import { summarizeJobHealth, type JobHealthSummary } from './schedule/job-status.ts';
import { createScheduledPostsRuntime, loadPostMessages } from './schedule/scheduled-posts-runtime.ts';
import type { ScheduleCommandDeps } from './slack/listeners/schedules/schedule-command.ts';
import type { SlackApp, SlackConnection } from './slack/create-slack-app.ts';
import { resolveSlackConnection } from './slack/slack-connection.ts';
import { createMessageRenderer, type MessageRenderer } from './scaffolder/messages/create-message-renderer.ts';
import type { RunRecord } from './core/scaffolder/run-record.ts';
import type { Scaffolder } from './scaffolder/scaffolder.ts';
import type { SourceRegistrar } from './scaffolder/source-registrar.ts';
import { buildScaffolder, buildSourceRegistrar } from './scaffolder-runtime.ts';
import { buildOnCallProviders, buildSlackOnCall } from './oncall-runtime.ts';
import { compileChannelPatterns } from './core/incidents/incident-channel.ts';
import { openPublishedDocs } from './published-docs-runtime.ts';
import type { PublishedDocs } from './usecases/docs/docs-ports.ts';
import { startScorecards } from './scorecards/score-after-passes.ts';
import { startDocs } from './docs/docs-runtime.ts';

const LOCAL_MODE_HINT = [
  'No Slack credentials (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET, or + SLACK_APP_TOKEN): running in local mode.',
  'Ask Callboard what you would ask in Slack, in another terminal:',
  '  npx callboard ask "/owner checkout-service"',
  '  npx callboard ask "what depends on orders-db?"',
  '  npx callboard templates                      # golden paths; npx callboard scaffold <template> --values FILE',
  'README.md ("Slack") shows how to connect a workspace.',
].join('\n');

interface SlackWiring {
  connection: SlackConnection | undefined;
  /** The scaffolder's side of Slack: `/create`, runs, approvals, `/callboard register`. */
  scaffolding: { scaffolder: Scaffolder; registrar: SourceRegistrar; messages: MessageRenderer };
  /** Runs the restart marked failed (Scaffolder.recoverInterrupted), to show on their progress messages. */
  interrupted: readonly RunRecord[];
  /** HTTP mode: the `/slack/events` route, mounted before Bolt exists and attached to it once it has started. */
  eventsRoute: SlackEventsRoute | undefined;
  readiness: Readiness;
  /** `/callboard subscribe | unsubscribe | schedules`. */
  schedules?: ScheduleCommandDeps;
  /** Built docs and their public address: `/docs`, docs hits in `/find`, the Docs button, docs unfurls. */
  docs: PublishedDocs;
}

/** Starts the Slack app when the environment has credentials; local mode (a hint) when it has none. */
const startSlack = async (config: Config, wiring: SlackWiring, runtime: CatalogRuntime, log: Logger): Promise<SlackApp | undefined> => {
  const { connection, eventsRoute, readiness, scaffolding } = wiring;
  if (!connection) {
    log.info({ mode: 'local' }, 'Slack not configured');
    process.stdout.write(`\n${LOCAL_MODE_HINT}\n\n`);
    return undefined;
  }
  const settings = {
    syncAllowed: config.slack.syncAllowed,
    ...(config.slack.callboardUrl ? { callboardUrl: config.slack.callboardUrl } : {}),
    ...(config.slack.pagerdutyUrl ? { pagerdutyUrl: config.slack.pagerdutyUrl } : {}),
    ...(config.slack.admins ? { admins: config.slack.admins } : {}),
    ...(config.slack.unfurl ? { unfurl: config.slack.unfurl } : {}),
  };
  const onConnectionChange = (connected: boolean) =>
    connected ? readiness.complete('slack') : readiness.fail('slack', 'the Socket Mode connection dropped; Bolt is reconnecting');
  // Bolt and the listeners load only when Slack is configured: local mode starts without them.
  const { createSlackApp } = await import('./slack/create-slack-app.ts');
  const slack = createSlackApp(
    {
      store: runtime.store,
      sync: runtime.sync,
      settings,
      log,
      ...scaffolding,
      ...(wiring.schedules ? { schedules: wiring.schedules } : {}),
      oncall: buildSlackOnCall(config, runtime.store),
      scorecards: runtime.scorecardResults,
      docs: wiring.docs,
      incidents: {
        channelPatterns: compileChannelPatterns(config.incidents.channelPatterns),
        blastRadiusDepth: config.incidents.blastRadiusDepth,
        ledger: runtime.incidentCards,
      },
      recordRunThread: (runId, posted) =>
        void scaffolding.scaffolder
          .recordSlackThread(runId, posted)
          .catch((error: unknown) => log.warn({ err: error, runId }, 'could not record where the run was posted in Slack')),
    },
    { connection, onConnectionChange, ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}) },
  );
  await slack.start();
  // Runs a restart failed show it on their own progress message, with Retry.
  slack.deps.scaffolding.progress.reportRecovered(slack.app.client, wiring.interrupted);
  if (eventsRoute && slack.requestListener) eventsRoute.attach(slack.requestListener);
  readiness.complete('slack');
  log.info({ mode: connection.mode, ...(eventsRoute ? { endpoint: eventsRoute.route.path } : {}) }, 'Slack app ready');
  return slack;
};

/** The one HTTP server, up before anything slow so that `/healthz` answers while the first sync runs. */
const startServer = async (config: Config, router: Router, log: Logger): Promise<HttpServer> => {
  const server = await startHttpServer({ router, host: config.http.host, port: config.http.port, log });
  log.info({ url: server.url, port: server.port }, 'HTTP server listening');
  return server;
};

/**
 * The docs site on the one server (every mode), behind the sign-in gate, with its sign-in routes; says where to read it.
 * Mounted once the database is open: until then `/docs` is a 404 like any unknown path.
 */
const mountDocsSite = (config: Config, router: Router, runtime: CatalogRuntime, server: HttpServer, log: Logger): void => {
  const publicUrl = (config.http.publicUrl ?? server.url).replace(/\/+$/, '');
  const onCallLine = docsOnCallLine({
    catalog: runtime.store,
    providers: buildOnCallProviders(config, runtime.store, { timeoutMs: config.oncall.timeoutMs }),
    timeoutMs: config.oncall.timeoutMs,
    clock: { now: () => new Date() },
  });
  const access = openDocsAccess(config, { env: process.env, revocations: runtime.revokedSessions, log });
  mountDocsRoutes(router, { library: runtime.docs, catalog: runtime.store, access, publicUrl, onCallLine });
  log.info({ url: `${publicUrl}/docs` }, 'docs site mounted');
  process.stdout.write(`\nDocs: ${publicUrl}/docs\n\n`);
};

/**
 * Composition root for `npm start`, one process: load the configuration, start the HTTP server, open the
 * catalog, sync once, keep it fresh on the configured schedule, and answer in Slack (or print how to ask locally).
 */
export const main = async (): Promise<void> => {
  const log = pino({ name: 'callboard' });
  // A failed answer must never take the catalog down with it: log and carry on.
  process.on('unhandledRejection', (error) => log.error({ err: error }, 'unhandled rejection; Callboard keeps running'));
  const config = loadConfig();
  // A non-loopback http.host without docs sign-in (or a sign-in that cannot work) refuses to start, saying what to set.
  checkDocsAccessConfig(config, process.env);
  // A `jobs.<name>` key that names no job fails now, before anything slow starts.
  const jobSpecs = builtinJobSpecs(config);
  // A missing or broken message override (`scaffolder.messages.<name>`) fails now, naming the key.
  const messages = createMessageRenderer(config.scaffolder.messages, { defaultsDir: join(config.scaffolder.templatesDir, 'messages') });
  // Likewise for the scheduled posts' messages (`postMessages.<name>`).
  const postMessages = loadPostMessages(config);
  // `/readyz` lists the jobs once they exist.
  const jobHealth = { read: (): JobHealthSummary[] => [] };
  // Half a Slack setup fails now, before a sync pass makes the mistake slow to see.
  const connection = resolveSlackConnection(config.slack);
  log.info({ config: config.file ?? 'built-in defaults', database: config.database.path, sources: config.catalog.sources.map((s) => s.id) }, 'starting');
  const readiness = new Readiness(connection !== undefined);
  // Loaded only in HTTP mode: the checks use Bolt's own verification modules.
  const eventsRoute =
    connection?.mode === 'http'
      ? (await import('./http/slack/slack-events-route.ts')).createSlackEventsRoute({ signingSecret: connection.signingSecret })
      : undefined;
  const router = createRouter([...healthRoutes({ readiness, jobs: () => jobHealth.read() }), ...(eventsRoute ? [eventsRoute.route] : [])]);
  const server = await startServer(config, router, log);
  const runtime = openCatalogRuntime(config, {
    onCheckpointError: (error) => log.warn({ err: error }, 'background WAL checkpoint failed; the next pass retries it'),
  });
  // openCatalogRuntime opens the database and applies the migrations, or throws.
  readiness.complete('database');
  readiness.complete('migrations');
  router.mount(
    githubWebhookRoute({
      secret: config.github.webhookSecret,
      sources: config.catalog.sources,
      syncSource: (id) => runtime.sync.syncSource(id),
      // A redelivery is claimed in the job ledger, so it does nothing twice even across a restart.
      deliveries: runtime.jobLedger,
      log,
    }),
  );
  mountDocsSite(config, router, runtime, server, log);
  // Scores what each pass changed (the first pass: everything not scored yet), in the background.
  const scorecards = startScorecards(config, runtime, log);
  // Builds the docs each pass changed (the first pass: whatever is not built yet), in the background; runtime.docs serves them.
  startDocs(config, runtime, log);
  logSyncSummary(log, await runtime.sync.syncAll());
  readiness.complete('firstSync');
  const registrar = buildSourceRegistrar(config, runtime);
  const scaffolder = buildScaffolder(config, runtime, log, registrar);
  // Runs a stopped process left `running` are marked failed at their step, with Retry (only the server does this).
  const interrupted = await scaffolder.recoverInterrupted();
  // Reads every template once now, so the first person's /create (whose trigger lives 3 s) does not pay for it.
  scaffolder.listTemplates(undefined);
  if (interrupted.length > 0)
    log.warn({ runs: interrupted.map((run) => run.id) }, 'scaffolder runs interrupted by a restart were marked failed; Retry resumes them');
  const scheduled = createScheduledPostsRuntime({
    config,
    subscriptions: runtime.scheduleSubscriptions,
    ledger: runtime.jobLedger,
    builder: {
      store: runtime.store,
      messages: postMessages,
      templates: () => scaffolder.listTemplates(undefined),
      scorecards: runtime.scorecardResults,
      docs: runtime.docs,
    },
    log,
  });
  const slack = await startSlack(
    config,
    {
      connection,
      eventsRoute,
      readiness,
      scaffolding: { scaffolder, registrar, messages },
      interrupted,
      schedules: scheduled.commands,
      docs: openPublishedDocs(config, runtime, server.url),
    },
    runtime,
    log,
  );
  // Jobs start once Slack is up, so a job that posts (and its catch-up after downtime) finds it ready.
  const jobs = new JobRegistry({
    specs: jobSpecs,
    runners: builtinJobRunners({ sync: runtime.sync, log, scorecards }),
    ledger: runtime.jobLedger,
    log,
    clock: { now: () => new Date() },
  });
  jobHealth.read = () => jobs.status().map(summarizeJobHealth);
  await jobs.start();
  // Scheduled posts go through the Slack app; after a restart they first settle slots a stopped process left unconfirmed.
  // Loaded only with Slack: local mode never loads Bolt or the Web API (a test checks it).
  const postingApi = async (client: NonNullable<typeof slack>) => {
    const [{ webClientScheduleApi }, { boltLogger }] = await Promise.all([import('./slack/slack-schedule-api.ts'), import('./slack/bolt-logger.ts')]);
    return webClientScheduleApi(client.app.client, client.deps.channels, { logger: boltLogger(log) });
  };
  // Handoffs mention people through the Slack app's member directory (users.lookupByEmail, cached).
  const posts = slack
    ? await scheduled.start(await postingApi(slack), (emails) => slack.deps.directory.slackIdsByEmail(emails, { budgetMs: 3_000 }))
    : undefined;
  if (!slack && scheduled.specs().length > 0) log.warn('schedules are configured but Slack is not: nothing is posted in local mode');
  log.info(
    { jobs: jobSpecs.map((spec) => `${spec.name}: ${spec.enabled ? `${spec.schedule}${spec.timezone ? ` (${spec.timezone})` : ''}` : 'disabled'}`) },
    'catalog ready',
  );
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await jobs.stop();
    await posts?.stop();
    scheduled.close();
    await slack?.stop().catch((error: unknown) => log.warn({ err: error }, 'Slack app did not stop cleanly'));
    await server.close().catch((error: unknown) => log.warn({ err: error }, 'HTTP server did not stop cleanly'));
    runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
};
