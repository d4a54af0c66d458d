import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { ScheduledPosts } from '../../schedule/scheduled-posts.ts';
import { buildPostOnCall, createPostBuilder, loadPostMessages, scheduleSpecsOf } from '../../schedule/scheduled-posts-runtime.ts';
import { describePostFailure } from '../../schedule/describe-post-failure.ts';
import { buildScaffolder } from '../../scaffolder-runtime.ts';
import { ChannelDirectory } from '../../slack/channel-directory.ts';
import { webClientChannelApi } from '../../slack/slack-channel-api.ts';
import { boltLogger } from '../../slack/bolt-logger.ts';
import { webClientScheduleApi } from '../../slack/slack-schedule-api.ts';
import { CliExit, loadCliConfig, openCatalogRuntimeForQuery, type CliIo } from '../cli-context.ts';

/**
 * `callboard post <schedule-id>`: posts that schedule's message now, through the Slack app's bot token. It is not
 * a slot: the ledger is not touched, and the schedule's next slot posts as usual.
 */
export const postCommand = (io: CliIo) => async (id: string, options: { config?: string }) => {
  const config = loadCliConfig(io, options.config);
  if (!config.slack.botToken) throw new CliExit(2, 'SLACK_BOT_TOKEN is not set: `callboard post` posts as the Slack app, so it needs the bot token.');
  const messages = loadPostMessages(config);
  const runtime = await openCatalogRuntimeForQuery(io, config);
  try {
    const specs = scheduleSpecsOf(config, runtime.scheduleSubscriptions);
    const spec = specs().find((candidate) => candidate.id === id);
    if (!spec)
      throw new CliExit(
        2,
        `No schedule "${id}". \`callboard schedules\` lists them: ${
          specs()
            .map((s) => s.id)
            .join(', ') || 'none yet'
        }.`,
      );
    const log = pino({ level: 'warn', base: undefined }, { write: (line: string) => io.err(line.trimEnd()) });
    const client = new WebClient(config.slack.botToken, { ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}), retryConfig: { retries: 2 } });
    const scaffolder = buildScaffolder(config, runtime, log);
    const posts = new ScheduledPosts({
      specs,
      ledger: runtime.jobLedger,
      api: webClientScheduleApi(client, new ChannelDirectory(webClientChannelApi(client), { log }), { logger: boltLogger(log) }),
      build: createPostBuilder({
        store: runtime.store,
        messages,
        templates: () => scaffolder.listTemplates(undefined),
        oncall: buildPostOnCall(config, runtime.store),
        scorecards: runtime.scorecardResults,
        docs: runtime.docs,
        ledger: runtime.jobLedger,
      }),
      clock: { now: () => new Date() },
      log,
      timed: false,
    });
    try {
      const posted = await posts.postNow(id);
      io.out(`Posted ${spec.post} for ${id} in ${posted.channel} (ts ${posted.ts}).`);
    } catch (error) {
      throw new CliExit(1, `Could not post ${id}: ${describePostFailure(error, spec)}`);
    } finally {
      await posts.stop();
    }
  } finally {
    runtime.close();
  }
};
