import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appMention } from './app-mention.ts';
import { channelRename } from './channel-rename.ts';
import { dedupeEvents } from './event-dedupe.ts';
import { linkShared } from './link-shared.ts';

/** Events API listeners, behind one de-duplication step so Slack's retries never answer twice. */
export const register = (app: App, deps: SlackDeps): void => {
  app.use(dedupeEvents(deps.log));
  app.event('app_mention', appMention(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('link_shared', linkShared(deps));
  app.event('channel_rename', channelRename(deps));
};
