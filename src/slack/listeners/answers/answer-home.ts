import type { HomeView } from '@slack/types';
import { findMyTeams } from '../../../usecases/find-my-teams.ts';
import { listTeamProblems } from '../../../usecases/list-team-problems.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { appHomeView } from '../../views/app-home-view.ts';
import { problemsView } from '../../views/problems-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import type { WhoamiIdentity } from '../../views/whoami-view.ts';

/** Problems that concern this person: their teams' when they have teams, else the whole catalog's. */
const problemsFor = (deps: SlackDeps, identity: WhoamiIdentity) =>
  identity.groups.length > 0 ? listTeamProblems(deps.store, identity.groups) : deps.store.problems();

/** The App Home tab of one Slack user: their teams, what those own, and open problems. */
export const answerHome = async (deps: SlackDeps, slackUserId: string): Promise<HomeView> => {
  const identity = await deps.identity.identify(slackUserId);
  const syncedAt = deps.store.lastSyncPass()?.startedAt;
  return appHomeView({
    ...(identity.user ? { user: identity.user } : {}),
    teams: findMyTeams(deps.store, identity.groups),
    totalProblems: problemsFor(deps, identity).length,
    ...(syncedAt ? { lastSyncAt: syncedAt } : {}),
  });
};

/** The Home tab's Problems button: the same problems its count was made of. */
export const answerHomeProblems = async (deps: SlackDeps, slackUserId: string): Promise<SlackMessage> => {
  const identity = await deps.identity.identify(slackUserId);
  const scope = identity.groups.length > 0 ? 'your teams' : 'the catalog';
  return problemsView(problemsFor(deps, identity), scope);
};
