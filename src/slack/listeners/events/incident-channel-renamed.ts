import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';
import { postIncidentContext, type IncidentClient } from '../incidents/post-incident-context.ts';

export interface IncidentChannelRenamedArgs {
  event: { channel: Pick<SlackEventMiddlewareArgs<'channel_rename'>['event']['channel'], 'id' | 'name'> };
  client: IncidentClient;
}

/**
 * `channel_rename` (beside the team-channel link update): a channel renamed to look like an incident
 * (`incidents.channelPatterns`) gets its context cards; renamed back and forth, it never gets them twice.
 */
export const incidentChannelRenamed =
  (deps: SlackDeps) =>
  async ({ event, client }: IncidentChannelRenamedArgs): Promise<void> => {
    const { id, name } = event.channel;
    if (id) await postIncidentContext(deps, client, { kind: 'renamed', channelId: id, ...(name ? { name } : {}) });
  };
