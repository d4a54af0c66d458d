import type { PublishedDocs } from '../../../usecases/docs/docs-ports.ts';
import { findDocs } from '../../../usecases/docs/find-docs.ts';
import { findTeamDocs } from '../../../usecases/docs/find-team-docs.ts';
import { splitDocsQuery } from '../../../usecases/docs/split-docs-query.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import { SlashCommands } from '../../ids.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { docsAnswerView } from '../../views/docs-answer-view.ts';
import { entityChooserView } from '../../views/entity-chooser-view.ts';
import { notFoundView, usageView } from '../../views/not-found-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { teamDocsView } from '../../views/team-docs-view.ts';
import { docsLikeLinks, ownerFacts } from './answer-oncall-docs.ts';
import { teamChannelIds } from './owner-cards.ts';

/** Named in hints: `/callboard docs` works with either manifest (manifests/manifest.callboard-only.yml has no `/docs`). */
const DOCS_COMMAND = `${SlashCommands.callboard} docs`;

const docsOfEntity = async (deps: SlackDeps, access: PublishedDocs, ref: string, words: string): Promise<SlackMessage> => {
  const owner = findOwner(deps.store, ref);
  const answer = findDocs(deps.store, access, ref, words);
  return docsAnswerView({ ...(await ownerFacts(deps, owner)), answer, links: docsLikeLinks(owner.entity), command: DOCS_COMMAND });
};

/**
 * `/docs <entity> [words]` over the built sites: the leading words name the entity (a chooser or "did you mean"
 * when they do not name one), the rest are searched in its docs.
 */
export const answerBuiltDocs = (deps: SlackDeps, access: PublishedDocs, text: string): Promise<SlackMessage> | SlackMessage => {
  const options = {
    hasDocs: (ref: string) => access.library.site(ref) !== undefined,
    ...(deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {}),
  };
  const { resolution, words } = splitDocsQuery(deps.store, text, options);
  switch (resolution.status) {
    case 'found':
      return docsOfEntity(deps, access, resolution.ref, words);
    case 'ambiguous':
      return entityChooserView(resolution.candidates, 'docs');
    case 'not_found':
      return notFoundView(resolution);
    case 'invalid':
      return usageView(DOCS_COMMAND, resolution.message);
  }
};

/** `/docs` alone: the asker's teams (as App Home finds them) and the documented entities each owns. */
export const answerTeamDocs = async (deps: SlackDeps, askerId: string): Promise<SlackMessage> => {
  if (!deps.docs) return usageView(DOCS_COMMAND, 'Docs are not built in this Callboard. Name an entity to see the docs links its catalog file lists.');
  const identity = await deps.identity.identify(askerId);
  const teams = findTeamDocs(deps.store, deps.docs, identity.groups);
  const channelIds = await teamChannelIds(deps, identity.groups);
  return teamDocsView(identity, teams, { channelIds, command: DOCS_COMMAND });
};
