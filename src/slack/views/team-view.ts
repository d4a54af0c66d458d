import type { KnownBlock } from '@slack/types';
import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { TeamAnswer } from '../../usecases/find-team.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { ActionIds } from '../ids.ts';
import { encodePageValue } from './action-values.ts';
import { actionsBlock, button, contextBlock, headerBlock, plural, sectionBlock } from './blocks.ts';
import { entityButtons, type EntityButtonContext } from './entity-buttons.ts';
import { displayNameOf, refCode, specString } from './entity-text.ts';
import { onCallLine, type OnCallCardLine } from './oncall-view.ts';
import { ownedText, problemsText } from './owned-text.ts';
import { linksText, peopleText, personText, teamChannelText, teamLeadRef, teamReachText, type ReachContext } from './owner-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';
import { teamScorecardText } from './team-scorecard-lines.ts';
import type { TeamScorecardSummary } from '../../scorecards/team-scorecard-summary.ts';

export type TeamViewContext = ReachContext &
  Pick<EntityButtonContext, 'pagerdutyUrl'> & {
    /** The team's own on-call now (level 1), in one line under how to reach it; absent when on-call is not set up. */
    onCall?: OnCallCardLine;
    /** Its entities' levels per scorecard, from stored results; absent or empty when none is on a scorecard. */
    scorecards?: readonly TeamScorecardSummary[];
  };

const MAX_DESCRIPTION = 1500;
const MAX_CHILD_TEAMS = 20;

/** A group named with its channel, so the reader can go there: `Commerce Engineering (#dept-commerce)`. */
const teamWithChannel = (group: Entity, ctx: ReachContext): string => {
  const channel = teamChannelText(group, ctx.channelIds);
  return `${escapeMrkdwn(truncate(displayNameOf(group), 100))}${channel ? ` (${channel})` : ''}`;
};

/** The lead and the members; a lead who is not a member is still named. */
const peopleSection = (answer: TeamAnswer, ctx: ReachContext): string => {
  const leadRef = teamLeadRef(answer.group);
  const lines: string[] = [];
  if (answer.lead && !answer.members.some((member) => entityRefOf(member) === leadRef)) lines.push(`*Lead*  ${personText(answer.lead, ctx)}`);
  lines.push(
    answer.members.length > 0
      ? `*Members (${answer.members.length})*\n${peopleText(answer.members, leadRef, ctx)}`
      : '*Members*  none recorded in the catalog.',
  );
  return lines.join('\n');
};

/** Where the team sits: its parent (to escalate to) and its child teams. */
const structureText = (answer: TeamAnswer, ctx: ReachContext): string | undefined => {
  const lines: string[] = [];
  if (answer.parent) lines.push(`*Part of*  ${teamWithChannel(answer.parent, ctx)}`);
  if (answer.children.length > 0) {
    const shown = answer.children.slice(0, MAX_CHILD_TEAMS).map((child) => teamWithChannel(child, ctx));
    const more = answer.children.length - shown.length;
    lines.push(`*Teams (${answer.children.length})*  ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
};

/** Whether the card leaves some of what the team owns unnamed. */
const hasMoreOwned = (answer: TeamAnswer): boolean => answer.owned.byKind.some((kind) => kind.count > kind.first.length);

/** "All it owns (137)": the whole list, paged, with Download CSV. */
const allOwnedButton = (answer: TeamAnswer) =>
  button({
    text: `All it owns (${answer.owned.total.toLocaleString('en-US')})`,
    actionId: ActionIds.showOwned,
    value: encodePageValue({ view: 'owned', ref: entityRefOf(answer.group), page: 1 }),
  });

const fallbackText = (answer: TeamAnswer): string =>
  `${escapeMrkdwn(displayNameOf(answer.group))}: ${plural(answer.members.length, 'member')}, owns ${plural(answer.owned.total, 'entity', 'entities')}.`;

/**
 * `/owner <team>`: the team itself rather than "who owns it": how to reach it, its people, where it
 * sits, what it owns by kind, and its open catalog problems.
 */
export const teamView = (answer: TeamAnswer, ctx: TeamViewContext): SlackMessage => {
  const { group } = answer;
  const ref = entityRefOf(group);
  const type = specString(group, 'type');
  const blocks: KnownBlock[] = [
    headerBlock(displayNameOf(group), 'team.header'),
    contextBlock([`Group${type ? ` (${escapeMrkdwn(type)})` : ''}  ·  ${refCode(ref)}`], 'team.kind'),
  ];
  if (group.metadata.description) blocks.push(sectionBlock(escapeMrkdwn(truncate(group.metadata.description, MAX_DESCRIPTION)), 'team.description'));
  const reach = teamReachText(group, ctx);
  if (reach) blocks.push(sectionBlock(reach, 'team.reach'));
  const onCall = ctx.onCall ? onCallLine(ctx.onCall.answer, { ...ctx.onCall, ...(ctx.audience ? { audience: ctx.audience } : {}) }) : undefined;
  if (onCall) blocks.push(sectionBlock(onCall, 'team.oncall'));
  blocks.push(sectionBlock(peopleSection(answer, ctx), 'team.people'));
  const structure = structureText(answer, ctx);
  if (structure) blocks.push(sectionBlock(structure, 'team.structure'));
  blocks.push(sectionBlock(ownedText(answer.owned), 'team.owned'));
  const scorecards = teamScorecardText(ctx.scorecards ?? [], group.metadata.name);
  if (scorecards) blocks.push(sectionBlock(scorecards, 'team.scorecards'));
  blocks.push(sectionBlock(problemsText(answer.problems, group.metadata.name), 'team.problems'));
  const links = linksText(group);
  if (links) blocks.push(sectionBlock(links, 'team.links'));
  const cardButtons = entityButtons({ ...group, relations: [] }, ctx);
  blocks.push(actionsBlock(hasMoreOwned(answer) ? [allOwnedButton(answer), ...cardButtons] : cardButtons, 'team.actions'));
  return ephemeralMessage(fallbackText(answer), blocks);
};
