import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { chooseOnCallSource } from '../../usecases/oncall/choose-oncall-source.ts';
import { pagerdutyNamedWithoutToken } from '../../usecases/oncall/pagerduty-without-token.ts';
import type { PostContext } from './post-type.ts';

/**
 * Catalog health's coverage lists: the team's entities with no docs, and those with no on-call. Only the kinds that
 * are built, run and paged for (Component, API, System, Resource) are counted: a Group or a Location needs neither.
 */

export const TECHDOCS_ANNOTATION = 'backstage.io/techdocs-ref';
const COVERED_KINDS = new Set(['component', 'api', 'system', 'resource']);
/** How many of each list are named; the rest are counted. */
export const LISTED_COVERAGE = 10;
const REASON_LIMIT = 200;

const clip = (text: string): string => (text.length > REASON_LIMIT ? `${text.slice(0, REASON_LIMIT - 1)}…` : text);

/** The entities a health report covers: the team's (child groups' included), or the whole catalog's. */
export const coveredEntities = (store: CatalogReader, teamRef: string | undefined): Entity[] => {
  const all = teamRef ? store.ownedBy(teamRef, { includeChildGroups: true }).flatMap((owned) => store.entityEnvelope(owned.ref) ?? []) : store.entities();
  return all.filter((entity) => COVERED_KINDS.has(entity.kind.toLowerCase())).sort((a, b) => entityRefOf(a).localeCompare(entityRefOf(b)));
};

const listed = <T>(items: readonly T[]) => ({
  total: items.length,
  listed: items.slice(0, LISTED_COVERAGE),
  more: Math.max(0, items.length - LISTED_COVERAGE),
});

/**
 * No docs: no `backstage.io/techdocs-ref` annotation, or (when the docs library is given) docs whose latest build
 * failed. Without a docs library only the annotation is read.
 */
export const entitiesWithoutDocs = (entities: readonly Entity[], docs: PostContext['docs']) =>
  listed(
    entities.flatMap((entity) => {
      const ref = entityRefOf(entity);
      if (!entity.metadata.annotations?.[TECHDOCS_ANNOTATION]) return [{ ref, name: entity.metadata.name, reason: `no ${TECHDOCS_ANNOTATION} annotation` }];
      const failed = docs?.site(ref)?.lastError;
      return failed ? [{ ref, name: entity.metadata.name, reason: clip(`docs failed to build: ${failed}`) }] : [];
    }),
  );

/**
 * No on-call: neither the entity, nor its owning group, names one and the group owns no Rotation (as /oncall decides).
 * One naming a PagerDuty service while PAGERDUTY_TOKEN is not set is unknown, not missing, so it is left out.
 * Undefined when no providers are built here.
 */
export const entitiesWithoutOnCall = (store: CatalogReader, entities: readonly Entity[], oncall: PostContext['oncall']) => {
  if (!oncall) return undefined;
  return listed(
    entities.flatMap((entity) => {
      const ref = entityRefOf(entity);
      if (chooseOnCallSource(store, oncall.providers, ref) || pagerdutyNamedWithoutToken(store, ref, oncall.providers)) return [];
      return [{ ref, name: entity.metadata.name }];
    }),
  );
};
