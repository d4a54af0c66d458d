import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appMention } from './app-mention.ts';
import { channelCreated } from './channel-created.ts';
import { channelRename } from './channel-rename.ts';
import { dedupeEvents } from './event-dedupe.ts';
import { incidentChannelRenamed } from './incident-channel-renamed.ts';
import { linkShared } from './link-shared.ts';
import { memberJoinedChannel } from './member-joined-channel.ts';

/** Events API listeners, behind one de-duplication step so Slack's retries never answer twice. */
export const register = (app: App, deps: SlackDeps): void => {
  app.use(dedupeEvents(deps.log));
  app.event('app_mention', appMention(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('link_shared', linkShared(deps));
  // A rename keeps team channel links current, then gives a channel renamed to look like an incident its cards.
  const renamed = [channelRename(deps), incidentChannelRenamed(deps)];
  app.event('channel_rename', async (args) => {
    for (const listener of renamed) await listener(args);
  });
  // Incident channels: context cards when a matching channel opens, is renamed to match, or invites Callboard.
  app.event('channel_created', channelCreated(deps));
  app.event('member_joined_channel', memberJoinedChannel(deps));
};
