import { listOwned } from '../../../usecases/find-team.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { usageView } from '../../views/not-found-view.ts';
import { ownedListView } from '../../views/owned-list-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';

/** "All it owns" on a team card, and its pages: the team is looked up again, as the catalog may have moved on. */
export const answerOwned = (deps: Pick<SlackDeps, 'store'>, groupRef: string, page = 1): SlackMessage => {
  const group = deps.store.entityEnvelope(groupRef);
  if (!group || group.kind !== 'Group') return usageView('/owner', `${groupRef} is no longer a team in the catalog. Ask again with /owner.`);
  return ownedListView(group, listOwned(deps.store, groupRef), page);
};
