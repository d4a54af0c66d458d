import type { Button } from '@slack/types';
import type { Entity, EntityWithRelations } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import { hasDependencyRelations } from '../../core/graph/dependency-edges.ts';
import { ActionIds } from '../ids.ts';
import { safeUrl } from '../mrkdwn.ts';
import { encodeShareValue } from './action-values.ts';
import { button } from './blocks.ts';
import { docsUrlOf } from './owner-text.ts';

export interface EntityButtonContext {
  /** The full URL of this entity's rendered docs page in Callboard, when it has docs there. */
  docsUrl?: string;
  /** The PagerDuty account's web address; without it there is no service page to link. */
  pagerdutyUrl?: string;
  /** The owning group, whose PagerDuty service stands in when the entity names none. */
  owner?: Entity;
}

/** PagerDuty service ids are short and alphanumeric (`PC3XN9M`); anything else is not linked. */
const PAGERDUTY_SERVICE_ID = /^[A-Z0-9]{2,32}$/i;

/** The entity's own `pagerduty.com/service-id`, when it is one. */
export const pagerdutyServiceId = (entity: Entity | undefined): string | undefined => {
  const id = entity?.metadata.annotations?.['pagerduty.com/service-id']?.trim();
  return id && PAGERDUTY_SERVICE_ID.test(id) ? id : undefined;
};

/** The PagerDuty service page of the entity, or of its owning group: `<account>/service-directory/<id>`. */
export const onCallUrlOf = (entity: Entity, ctx: EntityButtonContext): string | undefined => {
  const id = pagerdutyServiceId(entity) ?? pagerdutyServiceId(ctx.owner);
  if (!id || !ctx.pagerdutyUrl) return undefined;
  return safeUrl(`${ctx.pagerdutyUrl.replace(/\/+$/, '')}/service-directory/${id}`);
};

/**
 * The buttons under an entity answer, each only when its answer can be given: Dependencies and
 * Dependents when such relations exist, Docs and On-call as links when there is a page to open.
 * Values are the entity ref (Share carries the question).
 */
export const entityButtons = (entity: EntityWithRelations, ctx: EntityButtonContext): Button[] => {
  const ref = entityRefOf(entity);
  const docsUrl = ctx.docsUrl ?? docsUrlOf(entity);
  const onCallUrl = onCallUrlOf(entity, ctx);
  return [
    hasDependencyRelations(entity, 'forward') ? button({ text: 'Dependencies', actionId: ActionIds.showDeps, value: ref }) : undefined,
    hasDependencyRelations(entity, 'reverse') ? button({ text: 'Dependents', actionId: ActionIds.showDependents, value: ref }) : undefined,
    docsUrl ? button({ text: 'Docs', actionId: ActionIds.showDocs, value: ref, url: docsUrl }) : undefined,
    onCallUrl ? button({ text: 'On-call', actionId: ActionIds.showOnCall, value: ref, url: onCallUrl }) : undefined,
    shareButton(ref),
  ].filter((element): element is Button => element !== undefined);
};

/** Share in channel: asks the owner question again for everyone (a group or user shares its own card). */
export const shareButton = (ref: string): Button =>
  button({ text: 'Share in channel', actionId: ActionIds.shareInChannel, value: encodeShareValue({ view: 'owner', ref }), style: 'primary' });
