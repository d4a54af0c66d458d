import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { StoredProblem } from '../../core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { isFailing } from '../../core/scorecards/digest/rule-standing.ts';
import { listTeamProblems } from '../../usecases/list-team-problems.ts';
import type { PostContext } from './post-type.ts';

/**
 * What the incoming on-call inherits from the team: its entities' open catalog problems, and the scorecard rules of
 * each scorecard's lowest level (bronze) those entities fail (stored results, never scored here).
 */

/** How many problems and failing rules are listed; the rest are counted. */
const LISTED = 5;
const ENTITIES_PER_RULE = 3;
const MESSAGE_LIMIT = 200;

const clip = (text: string): string => (text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT - 1)}…` : text);

const whereOf = (problem: StoredProblem): string =>
  problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}` : (problem.entityRef ?? problem.sourceId);

const byImportance = (a: StoredProblem, b: StoredProblem): number =>
  (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || whereOf(a).localeCompare(whereOf(b)) || a.message.localeCompare(b.message);

const nameOfRef = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

export const inheritedProblems = (store: CatalogReader, group: Entity) => {
  const problems = [...listTeamProblems(store, [group])].sort(byImportance);
  return {
    total: problems.length,
    listed: problems.slice(0, LISTED).map((problem) => ({ severity: problem.severity, where: whereOf(problem), message: clip(problem.message) })),
    more: Math.max(0, problems.length - LISTED),
    moreCommand: `/callboard errors ${group.metadata.name}`,
  };
};

/** A rule's title as the Scorecard entity writes it, when it has one. */
const ruleTitleOf = (scorecard: Entity | undefined, ruleId: string): string | undefined => {
  const rules = (scorecard?.spec as { rules?: { id?: unknown; title?: unknown }[] } | undefined)?.rules;
  const title = Array.isArray(rules) ? rules.find((rule) => rule?.id === ruleId)?.title : undefined;
  return typeof title === 'string' ? title : undefined;
};

interface FailingRule {
  scorecard: string;
  rule: string;
  level: string;
  entities: string[];
}

export const inheritedFailingRules = (store: CatalogReader, scorecards: PostContext['scorecards'], group: Entity) => {
  if (!scorecards) return undefined;
  const owned = store.ownedBy(entityRefOf(group), { includeChildGroups: true }).map((entity) => entity.ref);
  const byRule = new Map<string, FailingRule>();
  for (const result of scorecards.resultsOfEntities(owned)) {
    const lowest = result.levels[0]?.level;
    for (const rule of result.rules) {
      // As the digest counts it: unknown keeps the last known result, so an outage hides no failing rule.
      if (rule.level !== lowest || !isFailing(rule)) continue;
      const key = `${result.scorecard}\u0000${rule.id}`;
      const entry = byRule.get(key) ?? { scorecard: result.scorecard, rule: rule.id, level: rule.level, entities: [] };
      entry.entities.push(result.entityRef);
      byRule.set(key, entry);
    }
  }
  const failing = [...byRule.values()].sort((a, b) => b.entities.length - a.entities.length || a.rule.localeCompare(b.rule));
  return {
    total: failing.length,
    listed: failing.slice(0, LISTED).map((entry) => {
      const scorecard = store.entityEnvelope(entry.scorecard);
      const entities = [...entry.entities].sort();
      return {
        scorecard: scorecard?.metadata.title ?? nameOfRef(entry.scorecard),
        rule: entry.rule,
        title: ruleTitleOf(scorecard, entry.rule) ?? entry.rule,
        level: entry.level,
        count: entities.length,
        entities: entities.slice(0, ENTITIES_PER_RULE).map(nameOfRef).join(', '),
        moreEntities: Math.max(0, entities.length - ENTITIES_PER_RULE),
      };
    }),
    more: Math.max(0, failing.length - LISTED),
  };
};
