import pino from 'pino';
import { openPublishedDocs } from '../../published-docs-runtime.ts';
import { answerParsed } from '../../slack/listeners/answers/answer-request.ts';
import { parseMention } from '../../slack/parse/parse-mention.ts';
import { parseScaffolderCommand } from '../../slack/parse/parse-scaffolder-command.ts';
import { parseSlashCommand } from '../../slack/parse/parse-slash-command.ts';
import type { ParsedRequest } from '../../slack/parse/slack-request.ts';
import { buildSlackDeps } from '../../slack/slack-deps.ts';
import { localUserApi } from '../../slack/slack-user-api.ts';
import type { SlackMessage } from '../../slack/views/slack-message.ts';
import { CliExit, loadCliConfig, openCatalogRuntimeForQuery, type CliIo } from '../cli-context.ts';
import { formatSlackMessage } from '../format/format-slack-message.ts';
import { loadOnCallProviders } from '../oncall-providers.ts';
import { answerScaffolderAsk } from './ask-scaffolder.ts';

/** The Slack user `callboard ask` pretends to be; its email comes from --user-email. */
export const LOCAL_SLACK_USER = 'U0LOCAL';

interface AskOptions {
  config?: string;
  json?: boolean;
  userEmail?: string;
}

/** `/owner x` is a slash command; anything else reads as a mention (`who owns x?`). */
export const parseAsk = (text: string): ParsedRequest => {
  const trimmed = text.trim();
  const [, command = '', rest = ''] = /^(\/\S+)\s*([\s\S]*)$/.exec(trimmed) ?? [];
  return command ? parseSlashCommand(command, rest) : parseMention(trimmed);
};

const show = (io: CliIo, message: SlackMessage, json: boolean | undefined): void => {
  const { response_type, text, blocks } = message;
  io.out(json ? JSON.stringify({ response_type, text, blocks }, null, 2) : formatSlackMessage(message));
};

/**
 * `callboard ask "/owner checkout-service"`: the Slack handlers, in-process, with no Slack. Prints
 * the answer as text (blocks flattened), or with --json the message Slack would receive.
 */
export const askCommand = (io: CliIo) => async (text: string, options: AskOptions) => {
  const config = loadCliConfig(io, options.config);
  const runtime = await openCatalogRuntimeForQuery(io, config);
  try {
    const oncall = { providers: await loadOnCallProviders(config.oncall.timeoutMs)(config, runtime.store), timeoutMs: config.oncall.timeoutMs };
    const docs = openPublishedDocs(config, runtime);
    const catalog = {
      store: runtime.store,
      sync: runtime.sync,
      settings: config.slack,
      log: pino({ level: 'silent' }),
      oncall,
      scorecards: runtime.scorecardResults,
      docs,
    };
    const deps = buildSlackDeps(catalog, localUserApi(options.userEmail));
    const [, command = '', rest = ''] = /^(\/\S+)\s*([\s\S]*)$/.exec(text.trim()) ?? [];
    const template = command ? parseScaffolderCommand(command, rest) : undefined;
    if (template) {
      const { message, ok } = await answerScaffolderAsk(deps, template, LOCAL_SLACK_USER, { config, runtime, log: catalog.log });
      show(io, message, options.json);
      if (!ok) throw new CliExit(2);
      return;
    }
    const parsed = parseAsk(text);
    const answer = await answerParsed(deps, parsed, LOCAL_SLACK_USER, { onProgress: async (message) => io.err(formatSlackMessage(message)) });
    show(io, answer, options.json);
    if (!parsed.ok) throw new CliExit(2);
  } finally {
    runtime.close();
  }
};
