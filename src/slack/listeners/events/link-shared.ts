import type { KnownBlock } from '@slack/types';
import type { OwnerAnswer } from '../../../core/catalog-reader/catalog-answers.ts';
import { classifySharedLink, meansTheEntity, type SharedLinkKind } from '../../../usecases/classify-shared-link.ts';
import { builtDocsUrl } from '../../../usecases/docs/docs-ports.ts';
import { findDocsLink, type DocsLinkAnswer } from '../../../usecases/docs/find-docs-link.ts';
import { findEntityByUrl } from '../../../usecases/find-entity-by-url.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { docsUnfurlView } from '../../views/docs-unfurl-view.ts';
import { entityContextView, entityUnfurlView, type UnfurlContext } from '../../views/entity-unfurl-view.ts';
import { teamChannelIds } from '../answers/owner-cards.ts';
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

/** What one link is about: the entity's owner answer and which part of the entity the link shows. */
interface SharedLink {
  url: string;
  answer: OwnerAnswer;
  kind: SharedLinkKind;
  /** Set for a page of Callboard's built docs: its title and section. */
  docs?: DocsLinkAnswer;
}

/** Where Callboard's docs are served: `http.publicUrl` (links Callboard posts) and `slack.callboardUrl` when that is another address. */
const docsBases = (deps: SlackDeps): string[] => [deps.docs?.publicUrl, deps.settings.callboardUrl].filter((base): base is string => base !== undefined);

/** A link to a page of a built docs site, with the entity it documents (still in the catalog). */
const resolveDocsLink = (deps: SlackDeps, url: string): SharedLink | undefined => {
  const docs = deps.docs ? findDocsLink(deps.docs, url, docsBases(deps)) : undefined;
  if (!docs || !deps.store.entityEnvelope(docs.entityRef)) return undefined;
  return { url, answer: findOwner(deps.store, docs.entityRef), kind: 'docs', docs };
};

/**
 * The entity a link names and what part of it the link shows, or undefined when it names no catalog
 * entity (findEntityByUrl never throws on a link); links left alone are logged at debug for "why no card?".
 */
const resolveLink = (deps: SlackDeps, url: string): SharedLink | undefined => {
  const docs = resolveDocsLink(deps, url);
  if (docs) return docs;
  const urlOptions = deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {};
  const ref = findEntityByUrl(deps.store, url, urlOptions);
  if (!ref) {
    deps.log.debug({ url }, 'shared link names no catalog entity; not unfurled');
    return undefined;
  }
  const answer = findOwner(deps.store, ref);
  return { url, answer, kind: classifySharedLink(url, answer.entity, urlOptions) };
};

/**
 * One link's preview: the entity card for a link that means the entity (its repository root, catalog
 * file, docs or Callboard page); for any other link into its repository (a pull request, commit, issue
 * or file) one context line, or nothing when `slack.unfurl.otherLinks` is `none`, so the GitHub app's
 * own preview is not drowned.
 */
const previewOf = (deps: SlackDeps, link: SharedLink, ctx: UnfurlContext): { blocks: KnownBlock[] } | undefined => {
  if (link.docs) return { blocks: docsUnfurlView(link.docs, link.answer, link.url, ctx) };
  if (meansTheEntity(link.kind)) return { blocks: entityUnfurlView(link.answer, ctx) };
  if ((deps.settings.unfurl?.otherLinks ?? 'context') === 'none') {
    deps.log.debug({ url: link.url, kind: link.kind }, 'shared link is inside an entity but not the entity; slack.unfurl.otherLinks is none');
    return undefined;
  }
  return { blocks: entityContextView(link.answer, ctx) };
};

/** The owning teams' channels as ids, looked up once for every link of the event (within the answer budget). */
const unfurlContextFor = async (deps: SlackDeps, links: readonly SharedLink[]): Promise<UnfurlContext> => ({
  channelIds: await teamChannelIds(
    deps,
    links.map((link) => link.answer.owner),
  ),
  builtDocsUrl: (ref) => builtDocsUrl(deps.docs, ref),
});

/** Links the catalog knows unfurl, in one chat.unfurl call; links it does not know are left to Slack and other apps. */
export const linkShared =
  (deps: SlackDeps) =>
  async ({ event, client }: LinkSharedArgs): Promise<void> => {
    const links = event.links.slice(0, MAX_LINKS).flatMap(({ url }) => resolveLink(deps, url) ?? []);
    const ctx = await unfurlContextFor(deps, links);
    const unfurls: Unfurls = {};
    for (const link of links) {
      const preview = previewOf(deps, link, ctx);
      if (preview) unfurls[link.url] = preview;
    }
    if (Object.keys(unfurls).length === 0) return;
    await client.chat.unfurl({ ...targetOf(event), unfurls });
  };
