import type { Entity } from '../catalog/entity.ts';
import { formatPath, invalidValueMessage, isPlainObject, missingValueMessage, type IssuePath } from '../catalog/issue-text.ts';
import type { SchemaIssue } from '../catalog/kind-registry.ts';
import { canonicalEntityRef, entityRefOf } from '../catalog/refs.ts';
import { parseCheck } from './parse-check.ts';
import { parseFieldPath } from './parse-field-path.ts';
import type { FilterClause, Scorecard, ScorecardRule } from './scorecard.ts';

export type ReadScorecardResult = { ok: true; scorecard: Scorecard } | { ok: false; issues: SchemaIssue[] };

/** Short, stable ids: they are stored with every result and named in digests and the CLI's JSON. */
const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const invalid = (path: IssuePath, value: unknown, expected: string): SchemaIssue => ({ path: [...path], message: invalidValueMessage(path, value, expected) });

/** `levels`: a non-empty list of distinct, non-empty names, lowest first. */
const readLevels = (levels: unknown, issues: SchemaIssue[]): string[] => {
  const at = ['spec', 'levels'];
  if (!Array.isArray(levels) || levels.length === 0) {
    issues.push(
      levels === undefined
        ? { path: at, message: missingValueMessage(at, 'a list of level names, lowest first, such as [bronze, silver, gold]') }
        : invalid(at, levels, 'a non-empty list of level names, lowest first, such as [bronze, silver, gold]'),
    );
    return [];
  }
  const seen = new Set<string>();
  levels.forEach((level, index) => {
    if (typeof level !== 'string' || level === '') issues.push(invalid([...at, index], level, 'a non-empty level name such as bronze'));
    else if (seen.has(level)) issues.push(invalid([...at, index], level, 'a level name not listed before (each level once)'));
    seen.add(level as string);
  });
  return [...seen].filter((level) => typeof level === 'string' && level !== '');
};

/** `filter`: every key a field path, every value a string or a non-empty list of strings. */
const readFilter = (filter: unknown, issues: SchemaIssue[]): FilterClause[] => {
  const at = ['spec', 'filter'];
  const how = 'a mapping of field paths to values, such as { kind: [Component], spec.type: service }';
  if (!isPlainObject(filter) || Object.keys(filter).length === 0) {
    issues.push(filter === undefined ? { path: at, message: missingValueMessage(at, how) } : invalid(at, filter, how));
    return [];
  }
  const clauses: FilterClause[] = [];
  for (const key of Object.keys(filter)) {
    const path = parseFieldPath(key);
    if (!path.ok) issues.push({ path: [...at, key], message: `${formatPath([...at, key])}: the key ${path.message}` });
    const value = filter[key];
    const values = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(values) || values.length === 0 || !values.every((item) => typeof item === 'string')) {
      issues.push(invalid([...at, key], value, 'a string or a non-empty list of strings (quote numbers and booleans: "1", "true")'));
      continue;
    }
    if (path.ok) clauses.push({ path: { text: key, segments: path.segments }, values });
  }
  return clauses;
};

const optionalText = (rule: Record<string, unknown>, key: string, at: IssuePath, issues: SchemaIssue[]): { [key: string]: string } => {
  const value = rule[key];
  if (value === undefined) return {};
  if (typeof value === 'string') return { [key]: value };
  issues.push(invalid([...at, key], value, 'a string'));
  return {};
};

/** One rule; its issues name `spec.rules[i]…`, so the file:line points at the rule. */
const readRule = (raw: unknown, index: number, levels: readonly string[], seenIds: Set<string>, issues: SchemaIssue[]): ScorecardRule | undefined => {
  const at = ['spec', 'rules', index];
  if (!isPlainObject(raw)) {
    issues.push(invalid(at, raw, 'a mapping with id, level and check'));
    return undefined;
  }
  const before = issues.length;
  const { id, level } = raw;
  if (typeof id !== 'string' || !RULE_ID.test(id))
    issues.push(
      id === undefined
        ? { path: [...at, 'id'], message: missingValueMessage([...at, 'id'], 'a rule id such as has-docs') }
        : invalid([...at, 'id'], id, 'a rule id of letters, digits, ".", "_" and "-" (at most 100), such as has-docs'),
    );
  else if (seenIds.has(id)) issues.push(invalid([...at, 'id'], id, 'an id no other rule of this scorecard has'));
  if (typeof id === 'string') seenIds.add(id);
  // With no usable levels (already reported), every rule's level would be reported too: noise.
  if (levels.length > 0 && (typeof level !== 'string' || !levels.includes(level))) issues.push(levelIssue([...at, 'level'], level, levels));
  const texts = ['title', 'description', 'fix'].map((key) => optionalText(raw, key, at, issues));
  const check = raw.check === undefined ? undefined : parseCheck(raw.check, [...at, 'check']);
  if (check === undefined) issues.push({ path: [...at, 'check'], message: missingValueMessage([...at, 'check'], 'a check such as { exists: spec.owner }') });
  else issues.push(...check.issues);
  if (issues.length > before || !check?.check) return undefined;
  return { id: id as string, level: level as string, ...Object.assign({}, ...texts), check: check.check };
};

const levelIssue = (at: IssuePath, level: unknown, levels: readonly string[]): SchemaIssue => {
  const sameLetters = typeof level === 'string' ? levels.find((known) => known.toLowerCase() === level.toLowerCase()) : undefined;
  const hint = sameLetters ? `; levels are case-sensitive: did you mean ${sameLetters}?` : '';
  if (level === undefined) return { path: [...at], message: missingValueMessage(at, `one of this scorecard's levels: ${levels.join(', ')}`) };
  return invalid(at, level, `one of this scorecard's levels (spec.levels): ${levels.join(', ')}${hint}`);
};

const readRules = (rules: unknown, levels: readonly string[], issues: SchemaIssue[]): ScorecardRule[] => {
  const at = ['spec', 'rules'];
  if (!Array.isArray(rules)) {
    issues.push(
      rules === undefined
        ? { path: at, message: missingValueMessage(at, 'a list of rules, each with id, level and check') }
        : invalid(at, rules, 'a list of rules, each with id, level and check'),
    );
    return [];
  }
  const seenIds = new Set<string>();
  return rules.map((rule, index) => readRule(rule, index, levels, seenIds, issues)).filter((rule): rule is ScorecardRule => rule !== undefined);
};

/**
 * Reads a Scorecard entity into what the evaluator uses. Every mistake is reported, each at its own path (a bad rule
 * names `spec.rules[2].check…`); one mistake makes the whole scorecard invalid, so it never scores with a rule missing.
 */
export function readScorecard(entity: Entity): ReadScorecardResult {
  const spec = isPlainObject(entity.spec) ? entity.spec : {};
  const issues: SchemaIssue[] = [];
  const levels = readLevels(spec.levels, issues);
  const filter = readFilter(spec.filter, issues);
  const rules = readRules(spec.rules, levels, issues);
  const context = { defaultKind: 'Group', defaultNamespace: entity.metadata.namespace };
  const owner = typeof spec.owner === 'string' ? canonicalEntityRef(spec.owner, context) : undefined;
  if (owner === undefined) issues.push(invalid(['spec', 'owner'], spec.owner, 'an entity ref such as group:platform-team'));
  if (issues.length > 0) return { ok: false, issues };
  const title = entity.metadata.title;
  const scorecard: Scorecard = { ref: entityRefOf(entity), name: entity.metadata.name, ...(title ? { title } : {}), owner: owner!, filter, levels, rules };
  return { ok: true, scorecard };
}
