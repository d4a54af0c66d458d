import type { EntityWithRelations } from '../catalog/entity.ts';
import { describeValue } from '../catalog/issue-text.ts';
import { describeCheck } from './describe-check.ts';
import { isUnknownFact, type EntityFacts } from './facts.ts';
import { readFieldPath } from './parse-field-path.ts';
import { resolveSourcePath } from './resolve-source-path.ts';
import type { Check } from './scorecard.ts';

/**
 * The result of a check: passed, failed with why, or unknown (a fact could not be obtained) with why. Unknown is a
 * third value throughout: `all` fails if anything fails, else is unknown if anything is; `any` passes if anything
 * passes, else is unknown if anything is; `not` keeps unknown.
 */
export type CheckOutcome = { passed: true } | { passed: false; message: string } | { passed: null; message: string };

export interface CheckContext {
  entity: EntityWithRelations;
  /** Source-relative path of the entity's catalog file, for relative `file` paths. */
  catalogFile: string;
  facts: EntityFacts;
  now: Date;
}

/**
 * `contains` searches at most this much of a file: with bounded patterns (compile-bounded-pattern.ts) this keeps one
 * search to milliseconds. A larger file fails the check with that reason rather than being half-searched.
 */
export const MAX_SEARCHED_TEXT = 1024 * 1024;

const DAY_MS = 24 * 60 * 60 * 1000;
const PASS: CheckOutcome = { passed: true };
const fail = (message: string): CheckOutcome => ({ passed: false, message });
const unknown = (message: string): CheckOutcome => ({ passed: null, message });

/** `exists` treats "", [] and {} like an absent field: a placeholder is not an answer. */
const isPresent = (value: unknown): boolean => {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
};

/** Structural equality of plain YAML/JSON values; key order does not matter. */
const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
};

/** `matches` and `in` read one scalar; on a list they hold when any item does. */
const itemsAt = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

const foundText = (value: unknown): string => (value === undefined ? 'is missing' : `is ${describeValue(value)}`);

const evaluateField = (check: Extract<Check, { type: 'exists' | 'equals' | 'matches' | 'in' }>, entity: EntityWithRelations): CheckOutcome => {
  const value = readFieldPath(entity, check.path.segments);
  const path = check.path.text;
  switch (check.type) {
    case 'exists':
      return isPresent(value) ? PASS : fail(`${path} is missing or empty`);
    case 'equals':
      return sameValue(value, check.value) ? PASS : fail(`${path} ${foundText(value)}; expected ${describeValue(check.value)}`);
    case 'matches':
      return itemsAt(value).some((item) => typeof item === 'string' && check.pattern.test(item))
        ? PASS
        : fail(`${path} ${foundText(value)}; expected text matching /${check.pattern.source}/`);
    case 'in':
      return itemsAt(value).some((item) => check.values.some((allowed) => sameValue(item, allowed)))
        ? PASS
        : fail(`${path} ${foundText(value)}; expected one of ${check.values.map(describeValue).join(', ')}`);
  }
};

/** The kind part of a canonical ref (`group:default/a` → `group`). */
const kindOfRef = (ref: string): string => ref.slice(0, Math.max(ref.indexOf(':'), 0));

const evaluateRelation = (check: Extract<Check, { type: 'relation' }>, entity: EntityWithRelations): CheckOutcome => {
  const kind = check.targetKind?.toLowerCase();
  const count = entity.relations.filter(
    (relation) => relation.type === check.relation && (kind === undefined || kindOfRef(relation.targetRef).toLowerCase() === kind),
  ).length;
  if (count >= check.min) return PASS;
  const target = check.targetKind ? ` to a ${check.targetKind}` : '';
  return fail(`has ${count} ${check.relation} relation${count === 1 ? '' : 's'}${target}; needs at least ${check.min}`);
};

const evaluateFile = (check: Extract<Check, { type: 'file' }>, context: CheckContext): CheckOutcome => {
  const resolved = resolveSourcePath(context.catalogFile, check.source);
  if (!resolved.ok) return fail(`file ${check.path}: ${resolved.message}`);
  const fact = context.facts.file(resolved.path);
  if (fact.kind === 'unknown') return unknown(`${resolved.path} could not be read: ${fact.reason}`);
  if (fact.kind === 'missing') return fail(`${resolved.path} does not exist`);
  if (!check.contains) return PASS;
  if (fact.text.length > MAX_SEARCHED_TEXT) return fail(`${resolved.path} is larger than 1 MiB, more than a contains check searches`);
  return check.contains.test(fact.text) ? PASS : fail(`${resolved.path} has nothing matching /${check.contains.source}/`);
};

const evaluateDocs = (maxAgeDays: number, context: CheckContext): CheckOutcome => {
  const changedAt = context.facts.docsChangedAt;
  if (isUnknownFact(changedAt)) return unknown(`docs could not be checked: ${changedAt.reason}`);
  if (changedAt === null) return fail('has no rendered docs');
  const changed = Date.parse(changedAt);
  if (Number.isNaN(changed)) return unknown(`docs change time "${changedAt}" is not a date`);
  const ageDays = (context.now.getTime() - changed) / DAY_MS;
  if (ageDays <= maxAgeDays) return PASS;
  return fail(`docs last changed ${Math.floor(ageDays)} days ago (${changedAt.slice(0, 10)}); expected within ${maxAgeDays} days`);
};

const evaluateOncall = (facts: EntityFacts): CheckOutcome => {
  if (isUnknownFact(facts.onCallNow)) return unknown(`on-call could not be checked: ${facts.onCallNow.reason}`);
  return facts.onCallNow ? PASS : fail('nobody is on call now');
};

const evaluateNoDependencyOn = (lifecycles: readonly string[], facts: EntityFacts): CheckOutcome => {
  const dependencies = facts.dependsOnLifecycles;
  if (isUnknownFact(dependencies)) return unknown(`dependencies could not be walked: ${dependencies.reason}`);
  const offending = dependencies.filter((dependency) => dependency.lifecycle !== undefined && lifecycles.includes(dependency.lifecycle));
  if (offending.length === 0) return PASS;
  const shown = offending.slice(0, 5).map((dependency) => `${dependency.ref} (${dependency.lifecycle})`);
  const more = offending.length > 5 ? ` and ${offending.length - 5} more` : '';
  return fail(`depends on ${shown.join(', ')}${more}`);
};

/** Kleene logic over the inner outcomes; messages are those of the inner checks that decided. */
const evaluateCombinator = (check: Extract<Check, { type: 'all' | 'any' | 'not' }>, context: CheckContext): CheckOutcome => {
  if (check.type === 'not') {
    const inner = evaluateCheck(check.check, context);
    if (inner.passed === null) return inner;
    return inner.passed ? fail(`expected not: ${describeCheck(check.check)}`) : PASS;
  }
  const outcomes = check.checks.map((inner) => evaluateCheck(inner, context));
  const messages = (passed: boolean | null) => outcomes.flatMap((outcome) => (outcome.passed === passed && 'message' in outcome ? [outcome.message] : []));
  if (check.type === 'all') {
    if (outcomes.some((outcome) => outcome.passed === false)) return fail(messages(false).join('; '));
    return outcomes.some((outcome) => outcome.passed === null) ? unknown(messages(null).join('; ')) : PASS;
  }
  if (outcomes.some((outcome) => outcome.passed === true)) return PASS;
  if (outcomes.some((outcome) => outcome.passed === null)) return unknown(messages(null).join('; '));
  return fail(`none of these holds: ${messages(false).join('; ')}`);
};

/** Evaluates one check on one entity with the facts gathered for it. Never throws on data. */
export function evaluateCheck(check: Check, context: CheckContext): CheckOutcome {
  switch (check.type) {
    case 'exists':
    case 'equals':
    case 'matches':
    case 'in':
      return evaluateField(check, context.entity);
    case 'relation':
      return evaluateRelation(check, context.entity);
    case 'file':
      return evaluateFile(check, context);
    case 'docs':
      return evaluateDocs(check.maxAgeDays, context);
    case 'oncall':
      return evaluateOncall(context.facts);
    case 'noDependencyOn':
      return evaluateNoDependencyOn(check.lifecycles, context.facts);
    case 'all':
    case 'any':
    case 'not':
      return evaluateCombinator(check, context);
  }
}
