import type { Button, KnownBlock } from '@slack/types';
import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { OwnerAnswer } from '../../core/catalog-reader/catalog-answers.ts';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { encodeShareValue } from './action-values.ts';
import { actionsBlock, button, contextBlock, fieldsBlock, headerBlock, sectionBlock } from './blocks.ts';
import { displayNameOf, refCode, shortRef, specString } from './entity-text.ts';
import { docsLink, linksText, membersText, ownerSummaryText } from './owner-text.ts';
import { ephemeralMessage, type SlackMessage } from './slack-message.ts';

export interface OwnerViewContext {
  /** Slack user ids by email (as in users.lookupByEmail), to turn members into mentions. */
  slackIdsByEmail: ReadonlyMap<string, string>;
  /** The full URL of this entity's rendered docs page in Callboard, when it has docs there. */
  docsUrl?: string;
}

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

const hasTechDocs = (entity: Entity): boolean => Boolean(entity.metadata.annotations?.['backstage.io/techdocs-ref']);

/** Docs open a URL when one is known (Callboard's rendered page, else a docs link); otherwise the listener renders them. */
const docsButton = (entity: Entity, ref: string, docsUrl: string | undefined): Button | undefined => {
  const url = docsUrl ?? docsLink(entity)?.url;
  if (url) return button({ text: 'Docs', actionId: ActionIds.showDocs, value: ref, url });
  return hasTechDocs(entity) ? button({ text: 'Docs', actionId: ActionIds.showDocs, value: ref }) : undefined;
};

/** The buttons under an entity answer; every value is the entity ref (Share carries the question). */
export const entityButtons = (entity: Entity, docsUrl: string | undefined): Button[] => {
  const ref = entityRefOf(entity);
  const onCall = entity.metadata.annotations?.['pagerduty.com/service-id']
    ? button({ text: 'On-call', actionId: ActionIds.showOnCall, value: ref })
    : undefined;
  return [
    button({ text: 'Dependencies', actionId: ActionIds.showDeps, value: ref }),
    button({ text: 'Dependents', actionId: ActionIds.showDependents, value: ref }),
    docsButton(entity, ref, docsUrl),
    onCall,
    button({ text: 'Share in channel', actionId: ActionIds.shareInChannel, value: encodeShareValue({ view: 'owner', ref }), style: 'primary' }),
  ].filter((element): element is Button => element !== undefined);
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
  blocks.push(sectionBlock(ownerSummaryText(answer), 'owner.team'));
  const members = membersText(answer, ctx.slackIdsByEmail);
  if (members) blocks.push(sectionBlock(members, 'owner.members'));
  const fields = detailFields(answer);
  if (fields.length > 0) blocks.push(fieldsBlock(fields, 'owner.details'));
  const links = linksText(entity);
  if (links) blocks.push(sectionBlock(links, 'owner.links'));
  blocks.push(actionsBlock(entityButtons(entity, ctx.docsUrl), 'owner.actions'));
  return ephemeralMessage(fallbackText(answer), blocks);
};
