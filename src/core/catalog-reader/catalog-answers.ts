/**
 * The answers the read use cases give (owner, dependencies, teams, people, resolving what someone
 * typed), shared by the use cases that build them and the views and commands that show them.
 */
import type { Entity, EntityWithRelations } from '../catalog/entity.ts';
import type { DependencyDirection, DependencyNode } from '../graph/dependency-edges.ts';
import type { EntitySummary } from './catalog-queries.ts';

export interface OwnerAnswer {
  entity: EntityWithRelations;
  /** The owner ref as written in the catalog, even when no such entity exists. */
  ownerRef?: string;
  /** The owning Group or User entity, when it exists. */
  owner?: Entity;
  /** Users who are members of the owning group (or the owning user). */
  members: Entity[];
  /** The owning group's parent group, for escalation. */
  parent?: Entity;
  systemRef?: string;
  domainRef?: string;
}

export interface DependencyAnswer {
  ref: string;
  direction: DependencyDirection;
  /** The most hops asked for; undefined when the whole graph was walked. */
  depth?: number;
  /** Within `depth`, nearest first; complete unless the budget stopped the walk inside the depth. */
  nodes: DependencyNode[];
  /** Entities reached past `depth` (at least this many when `budgetReached`). */
  beyondDepth: number;
  /** The most entities the walk may reach. */
  budget: number;
  /** True when the walk stopped at `budget` with more entities still to reach. */
  budgetReached: boolean;
  /** Whether the other direction has anything to show (so its button leads somewhere). */
  oppositeHasRelations: boolean;
}

/** An entity a team owns, with what App Home shows about it. */
export interface TeamEntity {
  ref: string;
  kind: string;
  name: string;
  title?: string;
  lifecycle?: string;
  problemCount: number;
}

export interface TeamOverview {
  group: Entity;
  entities: TeamEntity[];
}

export interface CatalogPerson {
  /** The User whose `spec.profile.email` matches; the first by ref when several do. */
  user?: Entity;
  /** Groups the user is a member of (`memberOf`), that exist in the catalog. */
  groups: Entity[];
}

/** What a person typed, turned into one entity, a choice, suggestions, or why it cannot name one. */
export type EntityResolution =
  | { status: 'found'; ref: string }
  | { status: 'ambiguous'; candidates: EntitySummary[] }
  | { status: 'not_found'; query: string; didYouMean?: string; suggestions: EntitySummary[] }
  | { status: 'invalid'; message: string };

export type TeamResolution =
  { status: 'found'; group: Entity } | Exclude<EntityResolution, { status: 'found' }> | { status: 'not_a_team'; ref: string; kind: string };
