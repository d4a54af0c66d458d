import type { HomeView, KnownBlock } from '@slack/types';
import { canStartSync } from '../../../usecases/can-start-sync.ts';
import { findMyTeams } from '../../../usecases/find-my-teams.ts';
import { listTeamProblems } from '../../../usecases/list-team-problems.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { appHomeView } from '../../views/app-home-view.ts';
import { countProblems } from '../../views/problem-text.ts';
import { problemsView } from '../../views/problems-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import type { WhoamiIdentity } from '../../views/whoami-view.ts';
import { teamChannelIds } from './owner-cards.ts';

/** Problems that concern this person: their teams' when they have teams, else the whole catalog's. */
const problemsFor = (deps: SlackDeps, identity: WhoamiIdentity) =>
  identity.groups.length > 0 ? listTeamProblems(deps.store, identity.groups) : deps.store.problems();

const scopeOf = (identity: WhoamiIdentity): string => (identity.groups.length > 0 ? 'your teams' : 'the catalog');

/**
 * The App Home tab of one Slack user: their teams, what those own, and open problems. `notice`
 * (a sync's progress or summary) shows under the header, so Home buttons report on the tab itself.
 */
export const answerHome = async (deps: SlackDeps, slackUserId: string, notice?: KnownBlock[]): Promise<HomeView> => {
  const identity = await deps.identity.identify(slackUserId);
  const syncedAt = deps.store.lastSyncPass()?.startedAt;
  const channelIds = await teamChannelIds(deps, identity.groups);
  return appHomeView({
    ...(identity.user ? { user: identity.user } : {}),
    teams: findMyTeams(deps.store, identity.groups),
    problems: countProblems(problemsFor(deps, identity)),
    problemScope: scopeOf(identity),
    canSync: canStartSync(deps.settings.syncAllowed, identity),
    ...(syncedAt ? { lastSyncAt: syncedAt } : {}),
    channelIds,
    ...(notice ? { notice } : {}),
  });
};

/** The Home tab's Problems button: the same problems its count was made of. */
export const answerHomeProblems = async (deps: SlackDeps, slackUserId: string): Promise<SlackMessage> => {
  const identity = await deps.identity.identify(slackUserId);
  return problemsView(problemsFor(deps, identity), scopeOf(identity));
};
