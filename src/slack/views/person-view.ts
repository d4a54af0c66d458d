import type { KnownBlock } from '@slack/types';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { PersonAnswer, PersonTeam } from '../../usecases/find-person.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { ActionIds } from '../ids.ts';
import { actionsBlock, contextBlock, headerBlock, sectionBlock, staticSelect } from './blocks.ts';
import { shareButton } from './entity-buttons.ts';
import { displayNameOf, profileOf, refCode } from './entity-text.ts';
import { ownedText } from './owned-text.ts';
import { emailText, mentionOf, teamLeadRef, teamReachText, type ReachContext } from './owner-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

/** A message holds 50 blocks; a person in more teams than this gets the count and the first ones. */
const MAX_TEAMS = 10;

const teamSection = (team: PersonTeam, userRef: string, ctx: ReachContext): string => {
  const lead = teamLeadRef(team.group) === userRef ? ' (lead)' : '';
  const heading = `*${escapeMrkdwn(truncate(displayNameOf(team.group), 100))}*${lead} ${refCode(entityRefOf(team.group))}`;
  const reach = teamReachText(team.group, ctx);
  return [heading, ...(reach ? [reach] : []), ownedText(team.owned)].join('\n');
};

const contextLine = (answer: PersonAnswer, ctx: ReachContext): string => {
  const email = profileOf(answer.user).email;
  // In a private answer the asker sees who this is in Slack; a shared card only names them.
  const inSlack = mentionOf(answer.user, ctx);
  return [`User  ·  ${refCode(entityRefOf(answer.user))}`, ...(email ? [emailText(email)] : []), ...(inSlack ? [inSlack] : [])].join('  ·  ');
};

/** A menu of the person's teams: each opens that team's card, with all it owns. */
const teamMenu = (answer: PersonAnswer) =>
  staticSelect(
    ActionIds.showOwner,
    'Show a team…',
    answer.teams.map((team) => ({ text: displayNameOf(team.group), value: entityRefOf(team.group) })),
  );

const fallbackText = (answer: PersonAnswer): string => {
  const name = escapeMrkdwn(displayNameOf(answer.user));
  if (answer.teams.length === 0) return `${name} is in no team in the catalog.`;
  return `${name} is in ${answer.teams.map((team) => escapeMrkdwn(displayNameOf(team.group))).join(', ')}.`;
};

/** `/owner <person>`: their teams, how to reach each, and what those teams own. */
export const personView = (answer: PersonAnswer, ctx: ReachContext): SlackMessage => {
  const userRef = entityRefOf(answer.user);
  const blocks: KnownBlock[] = [headerBlock(displayNameOf(answer.user), 'person.header'), contextBlock([contextLine(answer, ctx)], 'person.kind')];
  if (answer.teams.length === 0) blocks.push(sectionBlock('Not a member of any team in the catalog (`spec.memberOf` is empty).', 'person.noteams'));
  answer.teams.slice(0, MAX_TEAMS).forEach((team, index) => blocks.push(sectionBlock(teamSection(team, userRef, ctx), `person.team.${index}`)));
  if (answer.teams.length > MAX_TEAMS) blocks.push(contextBlock([`and ${answer.teams.length - MAX_TEAMS} more teams`], 'person.moreteams'));
  if (answer.ownedDirectly.total > 0) blocks.push(sectionBlock(ownedText(answer.ownedDirectly, 'Owns directly'), 'person.owned'));
  blocks.push(actionsBlock([...(answer.teams.length > 0 ? [teamMenu(answer)] : []), shareButton(userRef)], 'person.actions'));
  return ephemeralMessage(fallbackText(answer), blocks);
};
