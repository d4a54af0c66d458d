import { entityRefOf } from '../../../core/catalog/refs.ts';
import type { DependencyDirection } from '../../../core/graph/dependency-edges.ts';
import { findDependencies } from '../../../usecases/find-dependencies.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import { resolveEntity } from '../../../usecases/resolve-entity.ts';
import { resolveEntityList } from '../../../usecases/resolve-entity-list.ts';
import { SlashCommands } from '../../ids.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import type { ChooserIntent } from '../../views/action-values.ts';
import { dependenciesView, type DependenciesViewOptions } from '../../views/dependencies-view.ts';
import { entityChooserView } from '../../views/entity-chooser-view.ts';
import { foundOwnersView } from '../../views/found-owners-view.ts';
import { notFoundView, unknownSlackUserView, usageView } from '../../views/not-found-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { ownerCard, teamChannelIds, type OwnerCardOptions } from './owner-cards.ts';

/**
 * Resolves what was typed to one entity, or answers with a chooser, "did you mean" or a usage hint. With
 * `renderSeveral`, text that names nothing as a whole but lists entities ("a and b") is answered for each.
 */
/** The command a usage hint names for each question. */
const USAGE_COMMAND: Record<ChooserIntent, string> = {
  owner: SlashCommands.owner,
  deps: SlashCommands.deps,
  dependents: SlashCommands.deps,
  oncall: `${SlashCommands.callboard} oncall`,
  docs: `${SlashCommands.callboard} docs`,
};

/** Resolves what was typed to one entity, or answers with a chooser asking the same question, a list, "did you mean" or a usage hint. */
export const withEntity = async (
  deps: SlackDeps,
  text: string,
  intent: ChooserIntent,
  render: (ref: string) => Promise<SlackMessage> | SlackMessage,
  renderSeveral?: (refs: string[]) => Promise<SlackMessage>,
): Promise<SlackMessage> => {
  const options = deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {};
  const resolution = resolveEntity(deps.store, text, options);
  switch (resolution.status) {
    case 'found':
      return render(resolution.ref);
    case 'ambiguous':
      return entityChooserView(resolution.candidates, intent);
    case 'not_found': {
      const listed = renderSeveral ? resolveEntityList(deps.store, text, options) : undefined;
      return listed && renderSeveral ? renderSeveral(listed) : notFoundView(resolution);
    }
    case 'invalid':
      return usageView(USAGE_COMMAND[intent], resolution.message);
  }
};

/** "who owns a and b?": one compact line per entity (entity → team → channel), as the Find owner shortcut answers. */
const ownersOf = async (deps: SlackDeps, refs: readonly string[]): Promise<SlackMessage> => {
  const found = refs.map((ref) => {
    const { entity, ownerRef, owner } = findOwner(deps.store, ref);
    const summary = { ref, kind: entity.kind, name: entity.metadata.name, ...(entity.metadata.title ? { title: entity.metadata.title } : {}) };
    return { entity: summary, ...(ownerRef ? { ownerRef } : {}), ...(owner ? { owner } : {}) };
  });
  const channelIds = await teamChannelIds(
    deps,
    found.map((entry) => entry.owner),
  );
  return foundOwnersView(found, channelIds, 'Owners of what you asked about');
};

/** A Slack user mention as the parse leaves it: `<@U0123ABCD>` → `@U0123ABCD`. */
const SLACK_USER_MENTION = /^<?@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>?$/;

/** "who is @sofia?": the catalog User with the email on that Slack profile, as `/callboard whoami` finds people. */
const answerSlackUser = async (deps: SlackDeps, slackUserId: string, options: OwnerCardOptions): Promise<SlackMessage> => {
  const identity = await deps.identity.identify(slackUserId);
  return identity.user ? ownerCard(deps, entityRefOf(identity.user), options) : unknownSlackUserView(slackUserId, identity.email);
};

/**
 * `/owner`: the owner card, or a team's or a person's own card (see ownerCard); for a list ("a and b"), each
 * one's owner; for a Slack user mentioned, their person card.
 */
export const answerOwner = (deps: SlackDeps, text: string, options: OwnerCardOptions = {}): Promise<SlackMessage> => {
  const slackUserId = SLACK_USER_MENTION.exec(text.trim())?.[1];
  if (slackUserId) return answerSlackUser(deps, slackUserId, options);
  return withEntity(
    deps,
    text,
    'owner',
    (ref) => ownerCard(deps, ref, options),
    (refs) => ownersOf(deps, refs),
  );
};

/** `/deps`: dependencies or blast radius (the whole graph unless `depth` is given), grouped by depth, one page at a time. */
export const answerDependencies = (
  deps: SlackDeps,
  text: string,
  direction: DependencyDirection,
  depth?: number,
  view: DependenciesViewOptions = {},
): Promise<SlackMessage> =>
  withEntity(deps, text, direction === 'forward' ? 'deps' : 'dependents', (ref) =>
    dependenciesView(findDependencies(deps.store, ref, { direction, ...(depth !== undefined ? { depth } : {}) }), view),
  );
