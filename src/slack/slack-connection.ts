import type { SlackConfig } from '../config/load-config.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { SlackConnection } from './create-slack-app.ts';

/**
 * Which way to connect, from the environment: SLACK_APP_TOKEN → Socket Mode; SLACK_SIGNING_SECRET →
 * HTTP; no Slack variables at all → undefined (local mode). Half a setup fails at start-up, naming
 * what is missing, rather than starting an app Slack cannot reach.
 */
export const resolveSlackConnection = (slack: SlackConfig): SlackConnection | undefined => {
  const { botToken, signingSecret, appToken } = slack;
  if (!botToken && !signingSecret && !appToken) return undefined;
  if (!botToken)
    throw new InvalidInputError(
      'SLACK_BOT_TOKEN is not set: Slack needs the bot token (xoxb-…) from the app\'s "OAuth & Permissions" page, next to SLACK_SIGNING_SECRET or SLACK_APP_TOKEN.',
    );
  if (!botToken.startsWith('xoxb-')) throw new InvalidInputError('SLACK_BOT_TOKEN: expected a bot token starting with "xoxb-".');
  if (appToken) {
    if (!appToken.startsWith('xapp-'))
      throw new InvalidInputError(
        'SLACK_APP_TOKEN: expected an app-level token starting with "xapp-" (Basic Information → App-Level Tokens, scope connections:write).',
      );
    return { mode: 'socket', botToken, appToken };
  }
  if (!signingSecret)
    throw new InvalidInputError(
      'SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP, Slack calls /slack/events) nor SLACK_APP_TOKEN (Socket Mode) is.',
    );
  return { mode: 'http', botToken, signingSecret };
};
