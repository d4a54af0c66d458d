import type { KnownBlock } from '@slack/types';
import { classifySharedLink, entityPageUrlOfDocs, meansTheEntity } from '../../../usecases/classify-shared-link.ts';
import { findEntityByUrl } from '../../../usecases/find-entity-by-url.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { entityContextView, entityUnfurlView } from '../../views/entity-unfurl-view.ts';
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
 * One link's preview: the entity card for a link that means the entity (its repository root, catalog
 * file, docs or Callboard page); for any other link into its repository (a pull request, commit, issue
 * or file) one context line, or nothing when `slack.unfurl.otherLinks` is `none`, so the GitHub app's
 * own preview is not drowned. Undefined when the link names no catalog entity (findEntityByUrl never
 * throws on a link); links left alone are logged at debug for "why no card?".
 */
const unfurlOf = (deps: SlackDeps, url: string): { blocks: KnownBlock[] } | undefined => {
  const urlOptions = deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {};
  // A Callboard docs page names its entity the way its entity page does.
  const docsPage = entityPageUrlOfDocs(url, deps.settings.callboardUrl);
  const ref = findEntityByUrl(deps.store, url, urlOptions) ?? (docsPage ? findEntityByUrl(deps.store, docsPage, urlOptions) : undefined);
  if (!ref) {
    deps.log.debug({ url }, 'shared link names no catalog entity; not unfurled');
    return undefined;
  }
  const answer = findOwner(deps.store, ref);
  const kind = classifySharedLink(url, answer.entity, urlOptions);
  if (meansTheEntity(kind)) return { blocks: entityUnfurlView(answer) };
  if ((deps.settings.unfurl?.otherLinks ?? 'context') === 'none') {
    deps.log.debug({ url, ref, kind }, 'shared link is inside an entity but not the entity; slack.unfurl.otherLinks is none');
    return undefined;
  }
  return { blocks: entityContextView(answer) };
};

/** Links the catalog knows unfurl, in one chat.unfurl call; links it does not know are left to Slack and other apps. */
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
