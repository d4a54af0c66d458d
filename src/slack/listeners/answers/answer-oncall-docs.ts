import type { Entity } from '../../../core/catalog/entity.ts';
import { entityRefOf } from '../../../core/catalog/refs.ts';
import type { OwnerAnswer } from '../../../core/catalog-reader/catalog-answers.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import { resolveEntity } from '../../../usecases/resolve-entity.ts';
import { safeUrl } from '../../mrkdwn.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { onCallUrlOf } from '../../views/entity-buttons.ts';
import { entityChooserView } from '../../views/entity-chooser-view.ts';
import { displayNameOf } from '../../views/entity-text.ts';
import { entityLinks, teamChannelName, teamChannelText } from '../../views/owner-text.ts';
import { notFoundView, usageView } from '../../views/not-found-view.ts';
import { docsView, onCallView, type OwnerFacts } from '../../views/oncall-docs-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';

/** How long an answer waits for Slack's channel list before naming the channel in plain text. */
const SLACK_BUDGET_MS = 800;
const PAGERDUTY_SERVICE_ID = /^[A-Z0-9]{2,32}$/i;
/** Links people mean by "docs": docs, documentation, runbooks, handbooks, wikis, READMEs. */
const DOCS_LINK = /\bdocs?\b|documentation|runbook|handbook|wiki|readme/i;

/** Resolves what was typed to one entity, or answers with a chooser that asks the same question, "did you mean" or a usage hint. */
const withEntity = async (
  deps: SlackDeps,
  text: string,
  intent: 'oncall' | 'docs',
  render: (answer: OwnerAnswer) => Promise<SlackMessage>,
): Promise<SlackMessage> => {
  const resolution = resolveEntity(deps.store, text, deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {});
  switch (resolution.status) {
    case 'found':
      return render(findOwner(deps.store, resolution.ref));
    case 'ambiguous':
      return entityChooserView(resolution.candidates, intent);
    case 'not_found':
      return notFoundView(resolution);
    case 'invalid':
      return usageView(`/callboard ${intent}`, resolution.message);
  }
};

/** A Group or User is not owned: it is the team (reached in its own channel) or the person asked about. */
const selfOf = (entity: Entity): OwnerFacts['self'] => {
  const kind = entity.kind.toLowerCase();
  return kind === 'group' || kind === 'user' ? { kind: kind === 'group' ? 'team' : 'person', displayName: displayNameOf(entity) } : undefined;
};

const ownerFacts = async (deps: SlackDeps, answer: OwnerAnswer): Promise<OwnerFacts> => {
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

const serviceIdOf = (entity: Entity | undefined): string | undefined => {
  const id = entity?.metadata.annotations?.['pagerduty.com/service-id']?.trim();
  return id && PAGERDUTY_SERVICE_ID.test(id) ? id : undefined;
};

/**
 * Where the catalog says pages go: the entity's own PagerDuty service, else that of the component providing it
 * (an API), else its owning team's.
 */
const pagerdutySourceOf = (deps: SlackDeps, answer: OwnerAnswer): Entity | undefined => {
  const providers = deps.store.relatedRefs(entityRefOf(answer.entity), 'apiProvidedBy').map((ref) => deps.store.entityEnvelope(ref));
  return [answer.entity, ...providers, answer.owner].find((entity) => serviceIdOf(entity) !== undefined);
};

/** "Who is on call for X?": until on-call lookups exist, the owner and the PagerDuty service the catalog names. */
export const answerOnCall = (deps: SlackDeps, text: string): Promise<SlackMessage> =>
  withEntity(deps, text, 'oncall', async (answer) => {
    const source = pagerdutySourceOf(deps, answer);
    const serviceId = serviceIdOf(source);
    const url = source && onCallUrlOf(source, deps.settings.pagerdutyUrl ? { pagerdutyUrl: deps.settings.pagerdutyUrl } : {});
    const via = source === answer.owner ? 'its team' : `${source?.kind.toLowerCase()} ${source?.metadata.name}, which provides it`;
    const from = source && source !== answer.entity ? { from: via } : {};
    return onCallView({ ...(await ownerFacts(deps, answer)), ...(serviceId ? { pagerduty: { serviceId, ...(url ? { url } : {}), ...from } } : {}) });
  });

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

/** "Where are the docs for X?": its docs and runbook links and TechDocs, or that it has none, with the owner. */
export const answerDocs = (deps: SlackDeps, text: string): Promise<SlackMessage> =>
  withEntity(deps, text, 'docs', async (answer) => {
    const links = entityLinks(answer.entity)
      .filter((entry) => DOCS_LINK.test(`${entry.title ?? ''} ${entry.type ?? ''} ${entry.icon ?? ''}`) && safeUrl(entry.url))
      .map((entry) => ({ title: entry.title ?? entry.url, url: entry.url }));
    const techdocs = techdocsOf(answer.entity);
    return docsView({ ...(await ownerFacts(deps, answer)), links, ...(techdocs ? { techdocs } : {}) });
  });
