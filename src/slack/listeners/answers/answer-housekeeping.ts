import { entityRefOf } from '../../../core/catalog/refs.ts';
import { canStartSync, isCallboardAdmin } from '../../../usecases/can-start-sync.ts';
import { listAllProblems, listTeamProblems, resolveTeam } from '../../../usecases/list-team-problems.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { displayNameOf } from '../../views/entity-text.ts';
import { notFoundView, usageView } from '../../views/not-found-view.ts';
import { allProblemsRefusedView, problemsView } from '../../views/problems-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { syncNotAllowedView, syncStartedView, syncSummaryView } from '../../views/sync-view.ts';

const COMMAND = '/callboard';

/** `/callboard errors all`: every problem, those no team owns first; only for Callboard admins (`slack.admins`). */
const answerAllErrors = async (deps: SlackDeps, askerId: string): Promise<SlackMessage> => {
  const identity = await deps.identity.identify(askerId);
  if (!isCallboardAdmin(deps.settings.admins, identity)) {
    deps.log.info({ slackUserId: askerId, email: identity.email }, 'errors all refused: not in slack.admins');
    return allProblemsRefusedView(deps.settings.admins ?? []);
  }
  const { problems, unowned } = listAllProblems(deps.store);
  return problemsView(problems, 'every team', { unowned });
};

/** `/callboard errors [team | all]`: problems on a named team's entities, on every team's (admins), or on the asker's teams. */
export const answerErrors = async (deps: SlackDeps, team: string | undefined, askerId: string): Promise<SlackMessage> => {
  if (team?.trim().toLowerCase() === 'all') return answerAllErrors(deps, askerId);
  if (team !== undefined) {
    const resolution = resolveTeam(deps.store, team);
    if (resolution.status === 'found') return problemsView(listTeamProblems(deps.store, [resolution.group]), displayNameOf(resolution.group));
    if (resolution.status === 'not_found') return notFoundView(resolution);
    if (resolution.status === 'not_a_team')
      return usageView(COMMAND, `${resolution.ref} is a ${resolution.kind}, not a team. Name a group, e.g. /callboard errors checkout-team.`);
    if (resolution.status === 'ambiguous')
      return usageView(COMMAND, `Several groups are called "${team}": ${resolution.candidates.map((c) => c.ref).join(', ')}. Name one by its full ref.`);
    return usageView(COMMAND, resolution.message);
  }
  const identity = await deps.identity.identify(askerId);
  if (identity.groups.length === 0) {
    return usageView(
      COMMAND,
      'Callboard could not match you to a team in the catalog (`/callboard whoami` shows why). Name a team instead: /callboard errors checkout-team.',
    );
  }
  const scope = identity.groups.map(displayNameOf).join(', ');
  return problemsView(listTeamProblems(deps.store, identity.groups), identity.groups.length === 1 ? scope : `your teams (${scope})`);
};

/**
 * `/callboard sync`: for those `slack.syncAllowed` names, a pass now. `onProgress` shows that the
 * pass started; the summary it returns replaces that message.
 */
export const answerSync = async (deps: SlackDeps, askerId: string, onProgress?: (message: SlackMessage) => Promise<unknown>): Promise<SlackMessage> => {
  const identity = await deps.identity.identify(askerId);
  if (!canStartSync(deps.settings.syncAllowed, identity)) {
    deps.log.info(
      { slackUserId: askerId, email: identity.email, groups: identity.groups.map(entityRefOf) },
      'sync from Slack refused: not in slack.syncAllowed',
    );
    return syncNotAllowedView(deps.settings.syncAllowed);
  }
  await onProgress?.(syncStartedView());
  deps.log.info({ slackUserId: askerId, email: identity.email }, 'sync started from Slack');
  return syncSummaryView(await deps.sync.syncAll(), { admin: isCallboardAdmin(deps.settings.admins, identity) });
};
