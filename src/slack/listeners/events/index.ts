import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';
import { appHomeOpened, type HomeOpenedArgs } from './app-home-opened.ts';
import { appMention, type MentionArgs } from './app-mention.ts';
import { dedupeEvents } from './event-dedupe.ts';
import { linkShared, type LinkSharedArgs } from './link-shared.ts';

/** Events API listeners, behind one de-duplication step so Slack's retries never answer twice. */
export const register = (app: App, deps: SlackDeps): void => {
  app.use(dedupeEvents(deps.log));
  app.event('app_mention', (args) => appMention(deps)(args as unknown as MentionArgs));
  app.event('app_home_opened', (args) => appHomeOpened(deps)(args as unknown as HomeOpenedArgs));
  app.event('link_shared', (args) => linkShared(deps)(args as unknown as LinkSharedArgs));
};
