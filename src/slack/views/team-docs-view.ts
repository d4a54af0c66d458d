import type { KnownBlock } from '@slack/types';
import type { TeamDocs } from '../../usecases/docs/find-team-docs.ts';
import { escapeMrkdwn, link, truncate } from '../mrkdwn.ts';
import { contextBlock, fitLines, headerBlock, plural, sectionBlock } from './blocks.ts';
import { displayNameOf, shortRef } from './entity-text.ts';
import { teamChannelText } from './owner-text.ts';
import { askerOnlyMessage, ephemeralMessage, type SlackMessage } from './slack-message.ts';
import type { WhoamiIdentity } from './whoami-view.ts';

/** Teams shown, one section each: the header, the hint and these stay well within 50 blocks. */
const MAX_TEAMS = 10;
/** One team's list within its section's 3,000 characters (links are long)... */
const TEAM_CHARS = 2600;
/** ...and all of them within the message's text budget (Limits.messageChars, with room for the rest). */
const ALL_TEAMS_CHARS = 9000;

const teamText = (team: TeamDocs, channelIds: ReadonlyMap<string, string> | undefined, command: string, budget: number): string => {
  const channel = teamChannelText(team.group, channelIds);
  const title = `*${escapeMrkdwn(truncate(displayNameOf(team.group), 100))}*${channel ? `  ${channel}` : ''}`;
  const lines = team.documented.map((home) => `• ${link(home.url, truncate(home.siteName, 80))}  \`${escapeMrkdwn(truncate(shortRef(home.entityRef), 100))}\``);
  const { shown, hidden } = fitLines(lines, budget);
  const undocumented =
    team.undocumented > 0
      ? `_${plural(team.undocumented, 'entity', 'entities')} it owns ${team.undocumented === 1 ? 'has' : 'have'} no docs; \`${escapeMrkdwn(command)} &lt;name&gt;\` says what to add._`
      : undefined;
  const body = lines.length === 0 ? ['No docs yet.'] : [...shown, ...(hidden > 0 ? [`…and ${plural(hidden, 'more site')}`] : [])];
  return [title, ...body, ...(undocumented ? [undocumented] : [])].join('\n');
};

/** Why Callboard cannot list "your teams": it does not know who the asker is in the catalog, or they are in no team. */
const unknownTeams = (identity: WhoamiIdentity, command: string): SlackMessage => {
  const why = !identity.user
    ? 'Callboard could not match you to a User in the catalog (it matches the email on your Slack profile to `spec.profile.email`), so it does not know your teams.'
    : 'You are not a member of any team in the catalog (add `spec.memberOf` to your User entity).';
  const text = `${why} Ask about one entity instead: \`${escapeMrkdwn(command)} payments-api\`, or \`${escapeMrkdwn(command)} payments-api runbook\` for its sections on a topic. \`/callboard whoami\` shows who Callboard thinks you are.`;
  return askerOnlyMessage('Callboard does not know your teams.', [sectionBlock(text, 'docs.teams.unknown')]);
};

/** `/docs` with no argument: each of the asker's teams with the documented entities it owns, linked to their sites. */
export const teamDocsView = (
  identity: WhoamiIdentity,
  teams: readonly TeamDocs[],
  options: { channelIds?: ReadonlyMap<string, string>; command: string },
): SlackMessage => {
  if (teams.length === 0) return unknownTeams(identity, options.command);
  const shown = teams.slice(0, MAX_TEAMS);
  const blocks: KnownBlock[] = [headerBlock('Docs of your teams', 'docs.teams.header')];
  const budget = Math.min(TEAM_CHARS, Math.floor(ALL_TEAMS_CHARS / shown.length));
  shown.forEach((team, index) => blocks.push(sectionBlock(teamText(team, options.channelIds, options.command, budget), `docs.team.${index}`)));
  const more = teams.length - shown.length;
  const hint = `\`${escapeMrkdwn(options.command)} &lt;name&gt; [words]\` opens one entity's docs and finds sections in them.`;
  blocks.push(contextBlock([more > 0 ? `…and ${plural(more, 'more team')}. ${hint}` : hint], 'docs.teams.hint'));
  const sites = teams.reduce((sum, team) => sum + team.documented.length, 0);
  return ephemeralMessage(`${plural(sites, 'docs site')} across ${plural(teams.length, 'team')} of yours.`, blocks);
};
