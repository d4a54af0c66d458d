import type { KnownBlock } from '@slack/types';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { OwnerAnswer } from '../../core/catalog-reader/catalog-answers.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { actionsBlock, contextBlock, fieldsBlock, headerBlock, sectionBlock } from './blocks.ts';
import { entityButtons, type EntityButtonContext } from './entity-buttons.ts';
import { displayNameOf, refCode, shortRef, specString } from './entity-text.ts';
import { onCallLine, type OnCallCardLine } from './oncall-view.ts';
import { scorecardCardLine, type ScorecardCardEntry } from './scorecard-card-line.ts';
import { linksText, membersText, ownerSummaryText, type ReachContext } from './owner-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

export type OwnerViewContext = ReachContext &
  Omit<EntityButtonContext, 'owner'> & {
    /** Who is on call now (level 1), shown in one line under the team; absent when on-call is not set up. */
    onCall?: OnCallCardLine;
    /** The entity's stored scorecard results; absent or empty when it is on no scorecard. */
    scorecards?: readonly ScorecardCardEntry[];
  };

const MAX_DESCRIPTION = 1500;

const detailFields = (answer: OwnerAnswer): string[] => {
  const { entity } = answer;
  const fields: Array<[string, string | undefined]> = [
    ['Lifecycle', specString(entity, 'lifecycle')],
    ['Type', specString(entity, 'type')],
    ['System', answer.systemRef ? shortRef(answer.systemRef) : undefined],
    ['Domain', answer.domainRef ? shortRef(answer.domainRef) : undefined],
  ];
  return fields.filter(([, value]) => value !== undefined).map(([label, value]) => `*${label}*\n${escapeMrkdwn(truncate(value!, 200))}`);
};

const fallbackText = (answer: OwnerAnswer): string => {
  const name = escapeMrkdwn(displayNameOf(answer.entity));
  if (!answer.ownerRef) return `${name} has no owner recorded in the catalog.`;
  if (!answer.owner) return `${name} is owned by ${escapeMrkdwn(answer.ownerRef)}, which is not in the catalog.`;
  return `${name} is owned by ${escapeMrkdwn(displayNameOf(answer.owner))}.`;
};

/** "Who owns X": the team and how to reach it, its people, where X sits, its links, and what to ask next. */
export const ownerView = (answer: OwnerAnswer, ctx: OwnerViewContext): SlackMessage => {
  const { entity } = answer;
  const ref = entityRefOf(entity);
  const blocks: KnownBlock[] = [
    headerBlock(displayNameOf(entity), 'owner.header'),
    contextBlock([`${escapeMrkdwn(entity.kind)}  ·  ${refCode(ref)}`], 'owner.kind'),
  ];
  if (entity.metadata.description) blocks.push(sectionBlock(escapeMrkdwn(truncate(entity.metadata.description, MAX_DESCRIPTION)), 'owner.description'));
  blocks.push(sectionBlock(ownerSummaryText(answer, ctx), 'owner.team'));
  const onCall = ctx.onCall ? onCallLine(ctx.onCall.answer, { ...ctx.onCall, ...(ctx.audience ? { audience: ctx.audience } : {}) }) : undefined;
  if (onCall) blocks.push(sectionBlock(onCall, 'owner.oncall'));
  const scorecards = scorecardCardLine(ctx.scorecards ?? [], entity.metadata.name);
  if (scorecards) blocks.push(contextBlock([scorecards], 'owner.scorecards'));
  const members = membersText(answer, ctx);
  if (members) blocks.push(sectionBlock(members, 'owner.members'));
  const fields = detailFields(answer);
  if (fields.length > 0) blocks.push(fieldsBlock(fields, 'owner.details'));
  const links = linksText(entity);
  if (links) blocks.push(sectionBlock(links, 'owner.links'));
  const owner = answer.owner?.kind === 'Group' ? answer.owner : undefined;
  blocks.push(actionsBlock(entityButtons(entity, { ...ctx, ...(owner ? { owner } : {}) }), 'owner.actions'));
  return ephemeralMessage(fallbackText(answer), blocks);
};
