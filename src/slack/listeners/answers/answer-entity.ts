import type { DependencyDirection } from '../../../core/graph/dependency-edges.ts';
import { findDependencies } from '../../../usecases/find-dependencies.ts';
import { resolveEntity } from '../../../usecases/resolve-entity.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import type { ChooserIntent } from '../../views/action-values.ts';
import { dependenciesView, type DependenciesViewOptions } from '../../views/dependencies-view.ts';
import { entityChooserView } from '../../views/entity-chooser-view.ts';
import { notFoundView, usageView } from '../../views/not-found-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { ownerCard, type OwnerCardOptions } from './owner-cards.ts';

/** Resolves what was typed to one entity, or answers with a chooser, "did you mean" or a usage hint. */
const withEntity = async (
  deps: SlackDeps,
  text: string,
  intent: ChooserIntent,
  render: (ref: string) => Promise<SlackMessage> | SlackMessage,
): Promise<SlackMessage> => {
  const resolution = resolveEntity(deps.store, text, deps.settings.callboardUrl ? { callboardUrl: deps.settings.callboardUrl } : {});
  switch (resolution.status) {
    case 'found':
      return render(resolution.ref);
    case 'ambiguous':
      return entityChooserView(resolution.candidates, intent);
    case 'not_found':
      return notFoundView(resolution);
    case 'invalid':
      return usageView(intent === 'owner' ? '/owner' : '/deps', resolution.message);
  }
};

/** `/owner`: the owner card, or a team's or a person's own card (see ownerCard). */
export const answerOwner = (deps: SlackDeps, text: string, options: OwnerCardOptions = {}): Promise<SlackMessage> =>
  withEntity(deps, text, 'owner', (ref) => ownerCard(deps, ref, options));

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
