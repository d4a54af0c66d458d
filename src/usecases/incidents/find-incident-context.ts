import type { Entity } from '../../core/catalog/entity.ts';
import type { DocsLibrary, DocsSiteSummary } from '../../core/docs/docs-library.ts';
import type { DocsNavItem } from '../../core/docs/docs-site.ts';
import { docsPageUrl } from '../../core/docs/docs-url.ts';
import { changedRecently } from '../../core/incidents/incident-channel.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { findDependencies } from '../find-dependencies.ts';

/** One entity of the blast radius, with who owns it. */
export interface BlastRadiusEntry {
  ref: string;
  title?: string;
  /** Hops from the affected entity (1 = direct). */
  depth: number;
  ownerRef?: string;
  /** The owner's title (or name), when the owner is in the catalog. */
  ownerName?: string;
  /** False for a ref that names nothing in the catalog. */
  exists: boolean;
  /** ISO time its catalog entry changed, when that was within the recent-change window. */
  changedRecentlyAt?: string;
}

export interface BlastRadiusSide {
  entries: BlastRadiusEntry[];
  /** Entities past the depth asked for. */
  beyondDepth: number;
  /** The read stopped at its budget with more entities within the depth: `entries` is a first part, not all. */
  budgetReached?: boolean;
}

/** Where the runbook is: a link of the entity (titled or typed runbook), else a page of its built docs named so. */
export interface RunbookLink {
  url: string;
  title: string;
  from: 'link' | 'docs';
}

/**
 * What the catalog knows of the entity's recent changes. Callboard keeps no history of entity versions: the store
 * records, per entity, when a sync pass last stored a changed document (added, or its etag moved), and the
 * source's content version (the commit for git) as of the last pass. That time is all this reports.
 */
export interface CatalogChange {
  changedAt: string;
  /** Whether `changedAt` lies within the recent-change window. */
  recent: boolean;
  sourceId: string;
  path: string;
  version?: string;
}

/** Everything a context card says about one affected entity, except on-call (looked up live by the caller). */
export interface IncidentContext {
  entity: Entity;
  ref: string;
  ownerRef?: string;
  owner?: Entity;
  runbook?: RunbookLink;
  /** The rendered docs site's home, when the entity has a built site. */
  docsUrl?: string;
  dependencies: BlastRadiusSide;
  dependents: BlastRadiusSide;
  change?: CatalogChange;
}

export interface IncidentContextDeps {
  store: CatalogReader;
  /** Built docs and the public address links start with; without it no docs home and no docs runbook. */
  docs?: { library: DocsLibrary; publicUrl: string };
  /** `incidents.blastRadiusDepth`. */
  depth: number;
  now: Date;
}

/** The most blast-radius entities read per side: a card names a handful and counts the rest. */
const BLAST_RADIUS_BUDGET = 200;

const RUNBOOK = /\brun-?books?\b/i;

const linkRunbook = (entity: Entity): RunbookLink | undefined => {
  const annotated = entity.metadata.annotations?.['callboard.dev/runbook-url'];
  const link = (entity.metadata.links ?? []).find((entry) => RUNBOOK.test(entry.title ?? '') || RUNBOOK.test(entry.type ?? ''));
  if (link) return { url: link.url, title: link.title ?? 'Runbook', from: 'link' };
  return annotated ? { url: annotated, title: 'Runbook', from: 'link' } : undefined;
};

const navRunbook = (items: readonly DocsNavItem[]): DocsNavItem | undefined => {
  for (const item of items) {
    if (item.path !== undefined && (RUNBOOK.test(item.title) || /(?:^|\/)runbooks?\/$/i.test(item.path))) return item;
    const inside = navRunbook(item.children ?? []);
    if (inside) return inside;
  }
  return undefined;
};

/** A page of the built site named runbook: in its nav (title or path), else `runbook/` outside the nav. */
const docsRunbook = (docs: NonNullable<IncidentContextDeps['docs']>, site: DocsSiteSummary): RunbookLink | undefined => {
  const item = navRunbook(site.nav);
  if (item?.path !== undefined) return { url: docsPageUrl(docs.publicUrl, site.entityRef, item.path), title: item.title, from: 'docs' };
  const page = docs.library.page(site.entityRef, 'runbook/');
  return page ? { url: docsPageUrl(docs.publicUrl, site.entityRef, page.path), title: page.title, from: 'docs' } : undefined;
};

const nameOf = (entity: Entity | undefined): string | undefined => entity && (entity.metadata.title ?? entity.metadata.name);

const blastRadius = (deps: IncidentContextDeps, ref: string, direction: 'forward' | 'reverse'): BlastRadiusSide => {
  const answer = findDependencies(deps.store, ref, { direction, depth: deps.depth, budget: BLAST_RADIUS_BUDGET });
  const entries = answer.nodes.map((node): BlastRadiusEntry => {
    const changedAt = node.exists ? deps.store.entityOrigin(node.ref)?.changedAt : undefined;
    const ownerName = node.ownerRef ? nameOf(deps.store.entityEnvelope(node.ownerRef)) : undefined;
    return {
      ref: node.ref,
      depth: node.depth,
      exists: node.exists,
      ...(node.title ? { title: node.title } : {}),
      ...(node.ownerRef ? { ownerRef: node.ownerRef } : {}),
      ...(ownerName ? { ownerName } : {}),
      ...(changedAt && changedRecently(changedAt, deps.now) ? { changedRecentlyAt: changedAt } : {}),
    };
  });
  // A shared database with hundreds of dependents stops the walk at the budget: say so rather than understate it.
  const withinDepthCapped = answer.budgetReached && answer.beyondDepth === 0;
  return { entries, beyondDepth: answer.beyondDepth, ...(withinDepthCapped ? { budgetReached: true } : {}) };
};

/**
 * What responders need about one affected entity: its owner, runbook, docs home, what it depends on and what
 * depends on it (to `depth`, with owners), and when its catalog entry last changed. Undefined for an unknown ref.
 */
export const findIncidentContext = (deps: IncidentContextDeps, ref: string): IncidentContext | undefined => {
  const entity = deps.store.entityEnvelope(ref);
  if (!entity) return undefined;
  const ownerRef = deps.store.relatedRefs(ref, 'ownedBy')[0];
  const owner = ownerRef ? deps.store.entityEnvelope(ownerRef) : undefined;
  const site = deps.docs?.library.site(ref);
  const runbook = linkRunbook(entity) ?? (deps.docs && site ? docsRunbook(deps.docs, site) : undefined);
  const origin = deps.store.entityOrigin(ref);
  const change: CatalogChange | undefined = origin?.changedAt
    ? {
        changedAt: origin.changedAt,
        recent: changedRecently(origin.changedAt, deps.now),
        sourceId: origin.sourceId,
        path: origin.path,
        ...(origin.version ? { version: origin.version } : {}),
      }
    : undefined;
  return {
    entity,
    ref,
    ...(ownerRef ? { ownerRef } : {}),
    ...(owner ? { owner } : {}),
    ...(runbook ? { runbook } : {}),
    ...(deps.docs && site ? { docsUrl: docsPageUrl(deps.docs.publicUrl, ref) } : {}),
    dependencies: blastRadius(deps, ref, 'forward'),
    dependents: blastRadius(deps, ref, 'reverse'),
    ...(change ? { change } : {}),
  };
};
