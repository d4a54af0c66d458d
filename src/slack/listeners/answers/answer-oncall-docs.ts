import { isDocsLink } from '../../../core/catalog/docs-link.ts';
import type { Entity } from '../../../core/catalog/entity.ts';
import type { OwnerAnswer } from '../../../core/catalog-reader/catalog-answers.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import { safeUrl } from '../../mrkdwn.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { displayNameOf } from '../../views/entity-text.ts';
import { entityLinks, teamChannelName, teamChannelText } from '../../views/owner-text.ts';
import { docsView, type OwnerFacts } from '../../views/oncall-docs-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { withEntity } from './answer-entity.ts';

/** How long an answer waits for Slack's channel list before naming the channel in plain text. */
const SLACK_BUDGET_MS = 800;
/** Besides docs links proper (the Docs button's), what people mean by "where are the docs": runbooks, handbooks, wikis, READMEs. */
const DOCS_LIKE_LINK = /runbook|handbook|wiki|readme/i;

/** A Group or User is not owned: it is the team (reached in its own channel) or the person asked about. */
const selfOf = (entity: Entity): OwnerFacts['self'] => {
  const kind = entity.kind.toLowerCase();
  return kind === 'group' || kind === 'user' ? { kind: kind === 'group' ? 'team' : 'person', displayName: displayNameOf(entity) } : undefined;
};

/** Who owns the entity and its team channel, for the one-line clause docs answers end with. */
export const ownerFacts = async (deps: SlackDeps, answer: OwnerAnswer): Promise<OwnerFacts> => {
  const self = selfOf(answer.entity);
  const owner = self?.kind === 'team' ? answer.entity : self ? undefined : answer.owner;
  const channelName = owner ? teamChannelName(owner) : undefined;
  const channelIds = channelName ? await deps.channels.channelIdsByName([channelName], { budgetMs: SLACK_BUDGET_MS }) : undefined;
  const channel = owner ? teamChannelText(owner, channelIds) : undefined;
  if (self) return { entityName: answer.entity.metadata.name, self, ...(channel ? { ownerChannel: channel } : {}) };
  return {
    entityName: answer.entity.metadata.name,
    ...(owner ? { ownerName: displayNameOf(owner) } : answer.ownerRef ? { ownerRef: answer.ownerRef } : {}),
    ...(channel ? { ownerChannel: channel } : {}),
  };
};

/**
 * Where TechDocs sources live: the source location Backstage records, else the catalog file's, when it is a
 * web address. A `file:` location is a path on Callboard's own disk, which nobody in Slack can open.
 */
const techdocsOf = (entity: Entity): { ref: string; location?: string } | undefined => {
  const annotations = entity.metadata.annotations ?? {};
  const ref = annotations['backstage.io/techdocs-ref']?.trim();
  if (!ref) return undefined;
  const location = (annotations['backstage.io/source-location'] ?? annotations['backstage.io/managed-by-location'])?.replace(/^url:/, '');
  return { ref, ...(location && safeUrl(location) ? { location } : {}) };
};

/** The entity's docs links (the Docs button's) and what else people mean by docs: runbooks, handbooks, wikis, READMEs. */
export const docsLikeLinks = (entity: Entity): Array<{ title: string; url: string }> =>
  entityLinks(entity)
    .filter((entry) => (isDocsLink(entry) || DOCS_LIKE_LINK.test(`${entry.title ?? ''} ${entry.type ?? ''} ${entry.icon ?? ''}`)) && safeUrl(entry.url))
    .map((entry) => ({ title: entry.title ?? entry.url, url: entry.url }));

/** "Where are the docs for X?": its docs and runbook links and TechDocs, or that it has none, with the owner. */
export const answerDocs = (deps: SlackDeps, text: string): Promise<SlackMessage> =>
  withEntity(deps, text, 'docs', async (ref) => {
    const answer = findOwner(deps.store, ref);
    const links = docsLikeLinks(answer.entity);
    const techdocs = techdocsOf(answer.entity);
    return docsView({ ...(await ownerFacts(deps, answer)), links, ...(techdocs ? { techdocs } : {}) });
  });
