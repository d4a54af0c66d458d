import type { Button, KnownBlock } from '@slack/types';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { OwnerAnswer } from '../../core/catalog-reader/catalog-answers.ts';
import { ActionIds } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { actionsBlock, button, contextBlock, sectionBlock } from './blocks.ts';
import { displayNameOf, refCode, shortRef, specString } from './entity-text.ts';
import { hasDependencyRelations } from '../../core/graph/dependency-edges.ts';
import { docsUrlOf, teamChannelText } from './owner-text.ts';

const MAX_DESCRIPTION = 300;

/** Channel ids by normalised channel name (ChannelDirectory), so a team's `#name` is a real channel link. */
export interface UnfurlContext {
  channelIds?: ReadonlyMap<string, string>;
  /** The rendered docs site of an entity, when it has one: the Docs button opens it rather than a listed docs link. */
  builtDocsUrl?: (ref: string) => string | undefined;
}

/** "Owned by *Payments* #team-payments", or a warning when no team can be named. */
export const ownerText = (answer: OwnerAnswer, ctx: UnfurlContext): string => {
  if (!answer.ownerRef) return ':warning: no owner recorded';
  if (!answer.owner) return `:warning: owner ${refCode(answer.ownerRef)} is not in the catalog`;
  const channel = teamChannelText(answer.owner, ctx.channelIds);
  return `Owned by *${escapeMrkdwn(displayNameOf(answer.owner))}*${channel ? ` ${channel}` : ''}`;
};

/** Owner always; Dependencies, Dependents and Docs only when there is an answer to give (no dead ends). */
const cardButtons = (answer: OwnerAnswer, ctx: UnfurlContext): Button[] => {
  const ref = entityRefOf(answer.entity);
  const docsUrl = ctx.builtDocsUrl?.(ref) ?? docsUrlOf(answer.entity);
  return [
    button({ text: 'Owner & contacts', actionId: ActionIds.showOwner, value: ref }),
    hasDependencyRelations(answer.entity, 'forward') ? button({ text: 'Dependencies', actionId: ActionIds.showDeps, value: ref }) : undefined,
    hasDependencyRelations(answer.entity, 'reverse') ? button({ text: 'Dependents', actionId: ActionIds.showDependents, value: ref }) : undefined,
    docsUrl ? button({ text: 'Docs', actionId: ActionIds.showDocs, value: ref, url: docsUrl }) : undefined,
  ].filter((element): element is Button => element !== undefined);
};

/**
 * A compact entity card: the blocks of one `chat.unfurl` entry (`unfurls[url] = { blocks }`).
 * Buttons carry the entity ref; their answers go only to whoever clicks.
 */
export const entityUnfurlView = (answer: OwnerAnswer, ctx: UnfurlContext = {}): KnownBlock[] => {
  const { entity } = answer;
  const ref = entityRefOf(entity);
  const description = entity.metadata.description ? `\n${escapeMrkdwn(truncate(entity.metadata.description, MAX_DESCRIPTION))}` : '';
  const facts = [entity.kind, specString(entity, 'lifecycle'), answer.systemRef ? `system ${shortRef(answer.systemRef)}` : undefined]
    .filter((fact): fact is string => fact !== undefined)
    .map((fact) => escapeMrkdwn(truncate(fact, 100)));
  return [
    sectionBlock(`*${escapeMrkdwn(truncate(displayNameOf(entity), 150))}* ${refCode(ref)}${description}`, 'unfurl.entity'),
    // One element per fact: Slack lays context elements out side by side, each on its own.
    contextBlock([ownerText(answer, ctx), ...facts], 'unfurl.facts'),
    actionsBlock(cardButtons(answer, ctx), 'unfurl.actions'),
  ];
};

/** The owning team's name and its channel, as separate context elements; a warning when there is no team to name. */
const ownerElements = (answer: OwnerAnswer, ctx: UnfurlContext): string[] => {
  if (!answer.owner) return [ownerText(answer, ctx)];
  const channel = teamChannelText(answer.owner, ctx.channelIds);
  return [escapeMrkdwn(truncate(displayNameOf(answer.owner), 150)), ...(channel ? [channel] : [])];
};

/**
 * One context line for a link that is inside an entity's repository but is not the entity itself
 * (a pull request, commit, issue or file): whose it is, and nothing the GitHub app's own preview
 * already shows. `payments-api` · `Payments` · `#team-payments`, each its own element.
 */
export const entityContextView = (answer: OwnerAnswer, ctx: UnfurlContext = {}): KnownBlock[] => [
  contextBlock([`*${escapeMrkdwn(truncate(shortRef(entityRefOf(answer.entity)), 150))}*`, ...ownerElements(answer, ctx)], 'unfurl.context'),
];
