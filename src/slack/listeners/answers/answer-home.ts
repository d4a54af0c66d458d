import type { HomeView, KnownBlock } from '@slack/types';
import type { Entity } from '../../../core/catalog/entity.ts';
import type { StoredProblem } from '../../../core/catalog-reader/catalog-queries.ts';
import { canStartSync, isCallboardAdmin } from '../../../usecases/can-start-sync.ts';
import { findMyTeams } from '../../../usecases/find-my-teams.ts';
import { entityRefOf } from '../../../core/catalog/refs.ts';
import { listAllProblems, listTeamProblems } from '../../../usecases/list-team-problems.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { appHomeView, type AppHomeData } from '../../views/app-home-view.ts';
import { countProblems } from '../../views/problem-text.ts';
import { problemsView } from '../../views/problems-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import type { WhoamiIdentity } from '../../views/whoami-view.ts';
import { askerTimeZone, lookUpOnCall } from './oncall-lookup.ts';
import { teamChannelIds } from './owner-cards.ts';
import { summarizeTeamScorecards } from '../../../scorecards/team-scorecard-summary.ts';

interface HomeProblems {
  problems: StoredProblem[];
  /** Among them, those no team owns (only when every team's are shown). */
  unowned?: StoredProblem[];
  scope: string;
}

/**
 * Problems that concern this person, as `/callboard errors` scopes them: their teams'; for a
 * Callboard admin in no team, every team's (those no team owns included); else none.
 */
const problemsFor = (deps: SlackDeps, identity: WhoamiIdentity): HomeProblems => {
  if (identity.groups.length > 0) return { problems: listTeamProblems(deps.store, identity.groups), scope: 'your teams' };
  if (isCallboardAdmin(deps.settings.admins, identity)) return { ...listAllProblems(deps.store), scope: 'every team' };
  return { problems: [], scope: 'your teams' };
};

/** Teams whose on-call the tab looks up (one line each); the tab lists 15 teams, on-call is asked for the first ones. */
const MAX_ONCALL_TEAMS = 8;

/** Each shown team's own on-call now, all at once and within `oncall.timeoutMs`; keyed by the group's ref. */
const teamsOnCall = async (deps: SlackDeps, slackUserId: string, groups: readonly Entity[]): Promise<AppHomeData['onCall']> => {
  if (!deps.oncall || deps.oncall.providers.length === 0 || groups.length === 0) return undefined;
  const refs = groups.slice(0, MAX_ONCALL_TEAMS).map((group) => entityRefOf(group));
  const now = new Date();
  const [timeZone, ...answers] = await Promise.all([askerTimeZone(deps, slackUserId), ...refs.map((ref) => lookUpOnCall(deps, ref, now))]);
  return { timeZone, byTeam: new Map(refs.map((ref, index) => [ref, answers[index]!])) };
};

/** Teams the tab lists (and so summarises scorecards for): app-home-view shows 15. */
const MAX_SCORECARD_TEAMS = 15;

/** Each shown team's scorecard summaries from stored results (nothing is scored for a tab), by group ref. */
const teamsScorecards = (deps: SlackDeps, groups: readonly Entity[]): AppHomeData['scorecards'] => {
  const results = deps.scorecards;
  if (!results) return undefined;
  const refs = groups.slice(0, MAX_SCORECARD_TEAMS).map((group) => entityRefOf(group));
  return new Map(refs.map((ref) => [ref, summarizeTeamScorecards({ catalog: deps.store, results }, ref)]));
};

/**
 * The App Home tab of one Slack user: their teams, what those own, and open problems. `notice`
 * (a sync's progress or summary) shows under the header, so Home buttons report on the tab itself.
 */
export const answerHome = async (deps: SlackDeps, slackUserId: string, notice?: KnownBlock[]): Promise<HomeView> => {
  const identity = await deps.identity.identify(slackUserId);
  const syncedAt = deps.store.lastSyncPass()?.startedAt;
  const channelIds = await teamChannelIds(deps, identity.groups);
  const mine = problemsFor(deps, identity);
  const teams = findMyTeams(deps.store, identity.groups);
  const onCall = await teamsOnCall(
    deps,
    slackUserId,
    teams.map((team) => team.group),
  );
  const scorecards = teamsScorecards(
    deps,
    teams.map((team) => team.group),
  );
  return appHomeView({
    ...(identity.user ? { user: identity.user } : {}),
    teams,
    ...(onCall ? { onCall } : {}),
    ...(scorecards ? { scorecards } : {}),
    problems: countProblems(mine.problems),
    problemScope: mine.scope,
    canSync: canStartSync(deps.settings.syncAllowed, identity),
    ...(syncedAt ? { lastSyncAt: syncedAt } : {}),
    channelIds,
    ...(notice ? { notice } : {}),
  });
};

/** The Home tab's Problems button: the same problems its count was made of. */
export const answerHomeProblems = async (deps: SlackDeps, slackUserId: string): Promise<SlackMessage> => {
  const { problems, unowned, scope } = problemsFor(deps, await deps.identity.identify(slackUserId));
  return problemsView(problems, scope, unowned ? { unowned } : {});
};
