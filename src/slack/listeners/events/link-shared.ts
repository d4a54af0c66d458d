import type { KnownBlock } from '@slack/types';
import { findEntityByUrl } from '../../../usecases/find-entity-by-url.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { entityUnfurlView } from '../../views/entity-unfurl-view.ts';
import type { LinkSharedArgs } from '../bolt-args.ts';

type Unfurls = Record<string, { blocks: KnownBlock[] }>;
type UnfurlTarget = { channel: string; ts: string } | { unfurl_id: string; source: 'composer' | 'conversations_history' };

/** Links in the composer have no real channel or ts: Slack then wants the unfurl_id and source. */
const targetOf = (event: LinkSharedArgs['event']): UnfurlTarget =>
  event.unfurl_id && (event.source === 'composer' || event.source === 'conversations_history')
    ? { unfurl_id: event.unfurl_id, source: event.source }
    : { channel: event.channel, ts: event.message_ts };

/** A link to a repository or page the catalog knows unfurls as that entity's card; other links are left alone. */
export const linkShared =
  (deps: SlackDeps) =>
  async ({ event, client }: LinkSharedArgs): Promise<void> => {
    const unfurls: Unfurls = {};
    for (const { url } of event.links.slice(0, 10)) {
      const ref = findEntityByUrl(deps.store, url, deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {});
      if (ref) unfurls[url] = { blocks: entityUnfurlView(findOwner(deps.store, ref)) };
    }
    if (Object.keys(unfurls).length === 0) return;
    await client.chat.unfurl({ ...targetOf(event), unfurls });
  };
