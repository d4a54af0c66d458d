/**
 * What rules need from outside the entity, gathered by an adapter before evaluation (the evaluator is synchronous and
 * pure). The adapter asks {@link factsNeeded} what to fetch, reads it however it likes (files batch-read at the synced
 * commit, the on-call provider, the docs store, a walk of the dependency graph), and hands the answers in as
 * {@link EntityFacts}. Anything it could not obtain is an {@link UnknownFact}: the rule is shown as unknown and keeps
 * its previous result, so an outage never demotes an entity.
 */

/** A fact that could not be obtained (repository unreachable, on-call provider down, not gathered). */
export interface UnknownFact {
  kind: 'unknown';
  /** Shown to people: `PagerDuty answered 503`. */
  reason: string;
}

/** A file in the entity's source at the synced commit. */
export type FileFact = { kind: 'found'; text: string } | { kind: 'missing' } | UnknownFact;

/** A transitive `dependsOn` target and its `spec.lifecycle` (absent when it has none or does not exist). */
export interface DependencyLifecycle {
  ref: string;
  lifecycle?: string;
}

export interface EntityFacts {
  /** By source-relative path, as {@link factsNeeded} listed it. */
  file(path: string): FileFact;
  /** When the entity's rendered docs last changed (ISO 8601), null when it has none. */
  docsChangedAt: string | null | UnknownFact;
  /** Whether an on-call person resolves for the entity now. */
  onCallNow: boolean | UnknownFact;
  /** Every entity reachable through `dependsOn`, transitively, with its lifecycle. */
  dependsOnLifecycles: readonly DependencyLifecycle[] | UnknownFact;
}

export const isUnknownFact = (value: unknown): value is UnknownFact =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && (value as { kind?: unknown }).kind === 'unknown';

export const unknownFact = (reason: string): UnknownFact => ({ kind: 'unknown', reason });

/** Facts for an evaluation whose scorecard reads none from outside; a rule that asks anyway is unknown. */
export const NO_FACTS: EntityFacts = {
  file: () => unknownFact('files were not read'),
  docsChangedAt: unknownFact('docs were not checked'),
  onCallNow: unknownFact('on-call was not checked'),
  dependsOnLifecycles: unknownFact('dependencies were not walked'),
};
