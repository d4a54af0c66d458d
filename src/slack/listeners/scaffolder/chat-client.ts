import type { AllMiddlewareArgs } from '@slack/bolt';

type WebClient = AllMiddlewareArgs['client'];

/** What the scaffolder's Slack side calls on the Web API client: posts, edits, and modals. */
export interface ChatClient {
  chat: Pick<WebClient['chat'], 'postMessage' | 'update'>;
}

export interface ScaffolderClient extends ChatClient {
  chat: Pick<WebClient['chat'], 'postMessage' | 'update' | 'postEphemeral'>;
  views: Pick<WebClient['views'], 'open' | 'update' | 'push'>;
}
