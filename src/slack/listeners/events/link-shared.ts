import type { KnownBlock } from '@slack/types';
import { findEntityByUrl } from '../../../usecases/find-entity-by-url.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { entityUnfurlView } from '../../views/entity-unfurl-view.ts';
import type { LinkSharedArgs } from '../bolt-args.ts';

type Unfurls = Record<string, { blocks: KnownBlock[] }>;
type UnfurlTarget = { channel: string; ts: string } | { unfurl_id: string; source: 'composer' | 'conversations_history' };

/** Slack sends at most 10 links per event; more would be someone else's payload. */
const MAX_LINKS = 10;

/** Links in the composer have no real channel or ts: Slack then wants the unfurl_id and source. */
const targetOf = (event: LinkSharedArgs['event']): UnfurlTarget =>
  event.unfurl_id && (event.source === 'composer' || event.source === 'conversations_history')
    ? { unfurl_id: event.unfurl_id, source: event.source }
    : { channel: event.channel, ts: event.message_ts };

/**
 * One link's card, or undefined when the link names no catalog entity (an unknown repository, or a
 * malformed one: findEntityByUrl never throws on a link). Each link is resolved on its own, so one
 * cannot stop the others from unfurling; the ones left alone are logged at debug for "why no card?".
 */
const unfurlOf = (deps: SlackDeps, url: string): { blocks: KnownBlock[] } | undefined => {
  const ref = findEntityByUrl(deps.store, url, deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {});
  if (!ref) {
    deps.log.debug({ url }, 'shared link names no catalog entity; not unfurled');
    return undefined;
  }
  return { blocks: entityUnfurlView(findOwner(deps.store, ref)) };
};

/** A link to a repository or page the catalog knows unfurls as that entity's card; other links are left alone. */
export const linkShared =
  (deps: SlackDeps) =>
  async ({ event, client }: LinkSharedArgs): Promise<void> => {
    const unfurls: Unfurls = {};
    for (const { url } of event.links.slice(0, MAX_LINKS)) {
      const unfurl = unfurlOf(deps, url);
      if (unfurl) unfurls[url] = unfurl;
    }
    if (Object.keys(unfurls).length === 0) return;
    await client.chat.unfurl({ ...targetOf(event), unfurls });
  };
