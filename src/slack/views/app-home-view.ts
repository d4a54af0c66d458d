import type { HomeView, KnownBlock, PlainTextOption, StaticSelect } from '@slack/types';
import type { Entity } from '../../core/catalog/entity.ts';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn, slackDate } from '../mrkdwn.ts';
import { actionsBlock, button, contextBlock, headerBlock, Limits, plainText, plural, sectionBlock } from './blocks.ts';
import { displayNameOf } from './entity-text.ts';
import { onCallLine } from './oncall-view.ts';
import type { OnCallAnswer } from '../../usecases/oncall/find-oncall.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import { problemCountsText, type ProblemCounts } from './problem-text.ts';
import { byAttention, teamBlocks, type HomeEntity } from './home-team-blocks.ts';
import { teamScorecardLine } from './team-scorecard-lines.ts';
import type { TeamScorecardSummary } from '../../scorecards/team-scorecard-summary.ts';

export type { HomeEntity } from './home-team-blocks.ts';

export interface AppHomeData {
  /** The catalog User matched to whoever opened the tab. */
  user?: Entity;
  teams: Array<{ group: Entity; entities: HomeEntity[] }>;
  /** Catalog problems of the user's teams (or of the whole catalog when they have none), counted as everywhere else. */
  problems: ProblemCounts;
  /** Whose problems those are: "your teams" or "the catalog". */
  problemScope: string;
  /** Whether this person may start a sync (`slack.syncAllowed`): only then is there a Sync now button. */
  canSync: boolean;
  /** ISO time of the last finished sync pass. */
  lastSyncAt?: string;
  /** Team channel ids by channel name (conversations.list), so team channels are real links. */
  channelIds?: ReadonlyMap<string, string>;
  /** Each team's own on-call now (level 1) by group ref, for the first teams; times in the reader's zone. */
  onCall?: { timeZone: string | undefined; byTeam: ReadonlyMap<string, OnCallAnswer> };
  /** Each team's scorecard summaries (stored results) by group ref; a team on no scorecard has none. */
  scorecards?: ReadonlyMap<string, readonly TeamScorecardSummary[]>;
  /** What a Home button just did (a sync's progress or summary), shown under the header. Blocks without buttons. */
  notice?: KnownBlock[];
}

/** Teams shown one by one (at most 4 blocks each), so the tab stays under its 100 blocks. */
const MAX_TEAMS = 15;
/** All entity menus together; a Home view is also capped at 250 kB of JSON. */
const MAX_MENU_OPTIONS = 100;

const greeting = (data: AppHomeData): string => {
  if (!data.user)
    return 'Callboard could not match your Slack email to a User in the catalog, so it cannot show your teams. `/callboard whoami` shows what it sees.';
  const name = escapeMrkdwn(displayNameOf(data.user));
  return data.teams.length > 0
    ? `Hi *${name}*. Here is what your teams own.`
    : `Hi *${name}*. You are not in any team yet: add \`spec.memberOf\` to your User entity.`;
};

const statusText = (data: AppHomeData): string => {
  const sync = data.lastSyncAt ? `Last sync ${slackDate(data.lastSyncAt)}` : 'Not synced yet';
  return `${sync}  ·  ${problemCountsText(data.problems)} in ${escapeMrkdwn(data.problemScope)}`;
};

/** One menu over every team's entities, grouped by team: a menu per team would repeat the action id. */
const entityMenu = (teams: AppHomeData['teams']): StaticSelect | undefined => {
  const share = Math.max(1, Math.floor(MAX_MENU_OPTIONS / Math.max(1, teams.length)));
  const groups = teams
    .map(({ group, entities }) => ({
      label: plainText(displayNameOf(group), Limits.optionText),
      options: [...entities]
        .sort(byAttention)
        .filter((entity) => entity.ref.length <= Limits.optionValue)
        .slice(0, share)
        .map((entity): PlainTextOption => ({
          text: plainText(`${entity.title ?? entity.name} (${entity.kind.toLowerCase()})`, Limits.optionText),
          value: entity.ref,
        })),
    }))
    .filter((group) => group.options.length > 0)
    .slice(0, MAX_MENU_OPTIONS);
  if (groups.length === 0) return undefined;
  return { type: 'static_select', action_id: ActionIds.openEntity, placeholder: plainText('Open an entity…', 150), option_groups: groups };
};

const quickActions = (data: AppHomeData): KnownBlock => {
  const menu = entityMenu(data.teams.slice(0, MAX_TEAMS));
  const total = data.problems.errors + data.problems.warnings;
  return actionsBlock(
    [
      ...(menu ? [menu] : []),
      button({ text: total > 0 ? `Problems (${total.toLocaleString('en-US')})` : 'Problems', actionId: ActionIds.showProblems, value: 'mine' }),
      ...(data.canSync ? [button({ text: 'Sync now', actionId: ActionIds.syncNow, value: 'all' })] : []),
      button({ text: 'Help', actionId: ActionIds.showHelp, value: 'help' }),
    ],
    'home.actions',
  );
};

/** The team's on-call line; a team with none configured shows nothing. */
const teamOnCall = (data: AppHomeData, group: Entity): string | undefined => {
  const answer = data.onCall?.byTeam.get(entityRefOf(group));
  return answer ? onCallLine(answer, data.onCall?.timeZone ? { timeZone: data.onCall.timeZone } : {}) : undefined;
};

/** At most this many scorecards under a team's heading; `/scorecard <team>` has them all. */
const MAX_HOME_SCORECARDS = 3;

/** One line per scorecard under the team's heading: level counts and the next best fix. */
const teamScorecards = (data: AppHomeData, group: Entity): string[] => {
  const summaries = data.scorecards?.get(entityRefOf(group)) ?? [];
  const lines = summaries.slice(0, MAX_HOME_SCORECARDS).map((summary) => `:bar_chart: ${teamScorecardLine(summary)}`);
  const more = summaries.length - lines.length;
  return more > 0 ? [...lines, `…and ${plural(more, 'more scorecard')}: \`/scorecard ${escapeMrkdwn(group.metadata.name)}\``] : lines;
};

/** The App Home tab: who you are, your teams' entities (problems first), and quick actions. Within 100 blocks for any team size. */
export const appHomeView = (data: AppHomeData): HomeView => {
  const blocks: KnownBlock[] = [
    headerBlock('Callboard', 'home.header'),
    sectionBlock(greeting(data), 'home.greeting'),
    contextBlock([statusText(data)], 'home.status'),
    ...(data.notice ?? []),
    quickActions(data),
  ];
  const teams = data.teams.slice(0, MAX_TEAMS);
  teams.forEach((team, index) => {
    const onCall = teamOnCall(data, team.group);
    blocks.push(...teamBlocks(team, index, data.channelIds, [...(onCall ? [onCall] : []), ...teamScorecards(data, team.group)]));
  });
  const hiddenTeams = data.teams.length - teams.length;
  if (hiddenTeams > 0) blocks.push(contextBlock([`${plural(hiddenTeams, 'more team')} not shown.`], 'home.more_teams'));
  return { type: 'home', blocks: blocks.slice(0, Limits.viewBlocks) };
};
