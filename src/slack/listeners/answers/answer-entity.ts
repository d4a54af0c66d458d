import type { DependencyDirection } from '../../../core/graph/dependency-edges.ts';
import { findDependencies } from '../../../usecases/find-dependencies.ts';
import { findOwner } from '../../../usecases/find-owner.ts';
import { resolveEntity } from '../../../usecases/resolve-entity.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import type { ChooserIntent } from '../../views/action-values.ts';
import { dependenciesView } from '../../views/dependencies-view.ts';
import { entityChooserView } from '../../views/entity-chooser-view.ts';
import { profileOf } from '../../views/entity-text.ts';
import { notFoundView, usageView } from '../../views/not-found-view.ts';
import { ownerView } from '../../views/owner-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';

/** How long an answer waits for Slack to say who members are before naming them in plain text. */
const MENTION_BUDGET_MS = 800;

/** Resolves what was typed to one entity, or answers with a chooser, "did you mean" or a usage hint. */
const withEntity = async (
  deps: SlackDeps,
  text: string,
  intent: ChooserIntent,
  render: (ref: string) => Promise<SlackMessage> | SlackMessage,
): Promise<SlackMessage> => {
  const resolution = resolveEntity(deps.store, text);
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

/** `/owner`: the owning team and its members, as Slack mentions where Slack knows their email. */
export const answerOwner = (deps: SlackDeps, text: string): Promise<SlackMessage> =>
  withEntity(deps, text, 'owner', async (ref) => {
    const answer = findOwner(deps.store, ref);
    const emails = answer.members.map((member) => profileOf(member).email).filter((email): email is string => email !== undefined);
    const slackIdsByEmail = await deps.directory.slackIdsByEmail(emails, { budgetMs: MENTION_BUDGET_MS });
    return ownerView(answer, { slackIdsByEmail });
  });

/** `/deps`: dependencies or blast radius, grouped by depth. */
export const answerDependencies = (deps: SlackDeps, text: string, direction: DependencyDirection, depth: number): Promise<SlackMessage> =>
  withEntity(deps, text, direction === 'forward' ? 'deps' : 'dependents', (ref) => dependenciesView(findDependencies(deps.store, ref, { direction, depth })));
