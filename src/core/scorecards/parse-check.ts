import { describeValue, formatPath, invalidValueMessage, isPlainObject, missingValueMessage, type IssuePath } from '../catalog/issue-text.ts';
import type { SchemaIssue } from '../catalog/kind-registry.ts';
import { compileBoundedPattern } from './compile-bounded-pattern.ts';
import { parseFieldPath } from './parse-field-path.ts';
import type { Check, CheckType, FieldPath } from './scorecard.ts';
import { parseSourcePath } from './resolve-source-path.ts';

/** A check read from YAML, or what is wrong with it (each issue at its own path). */
export type ParseCheckResult = { check: Check; issues: [] } | { check?: undefined; issues: SchemaIssue[] };

type Parser = (raw: Record<string, unknown>, at: IssuePath) => ParseCheckResult;

const ok = (check: Check): ParseCheckResult => ({ check, issues: [] });
const bad = (...issues: SchemaIssue[]): ParseCheckResult => ({ issues });
const invalid = (path: IssuePath, value: unknown, expected: string): SchemaIssue => ({ path: [...path], message: invalidValueMessage(path, value, expected) });
const missing = (path: IssuePath, expected: string): SchemaIssue => ({ path: [...path], message: missingValueMessage(path, expected) });

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** A field path value, or the issue saying how to write one. */
const readPath = (value: unknown, at: IssuePath): FieldPath | SchemaIssue => {
  if (value === undefined) return missing(at, 'a field path such as spec.lifecycle');
  if (typeof value !== 'string') return invalid(at, value, 'a field path string such as spec.lifecycle');
  const parsed = parseFieldPath(value);
  if (!parsed.ok) return { path: [...at], message: `${formatPath(at)}: ${parsed.message}` };
  return { text: value, segments: parsed.segments };
};

const readPattern = (value: unknown, at: IssuePath, lines = false): RegExp | SchemaIssue => {
  if (!isNonEmptyString(value)) return value === undefined ? missing(at, 'a regular expression') : invalid(at, value, 'a non-empty regular expression string');
  const compiled = compileBoundedPattern(value, { lines });
  if (!compiled.ok) return { path: [...at], message: `${formatPath(at)} ${describeValue(value)} is not a usable pattern: ${compiled.reason}` };
  return compiled.regex;
};

const isIssue = (value: unknown): value is SchemaIssue => isPlainObject(value) && Array.isArray(value.path) && typeof value.message === 'string';

/** `exists: path`. */
const parseExists: Parser = (raw, at) => {
  const path = readPath(raw.exists, [...at, 'exists']);
  return isIssue(path) ? bad(path) : ok({ type: 'exists', path });
};

/** The second key of a field check: a compiled pattern, a non-empty list, or any value; wrapped, as YAML may hold anything. */
type Operand = { value: unknown } | { issue: SchemaIssue };

const readOperand = (type: 'equals' | 'matches' | 'in', value: unknown, at: IssuePath): Operand => {
  if (type === 'matches') {
    const pattern = readPattern(value, at);
    return pattern instanceof RegExp ? { value: pattern } : { issue: pattern };
  }
  if (value === undefined) return { issue: missing(at, type === 'in' ? 'a list of allowed values' : 'the value to compare with') };
  if (type === 'in' && (!Array.isArray(value) || value.length === 0)) {
    return { issue: invalid(at, value, 'a non-empty list of allowed values, such as [production, experimental]') };
  }
  return { value };
};

/** `equals: { path, value }`, `matches: { path, pattern }`, `in: { path, values }`. */
const parseFieldCheck = (type: 'equals' | 'matches' | 'in', second: string, shape: string): Parser => {
  return (raw, at) => {
    const where = [...at, type];
    const body = raw[type];
    if (!isPlainObject(body)) return bad(invalid(where, body, `a mapping ${shape}`));
    const issues: SchemaIssue[] = Object.keys(body)
      .filter((key) => key !== 'path' && key !== second)
      .map((key) => invalid([...where, key], body[key], `only path and ${second} in ${type}: ${shape}`));
    const path = readPath(body.path, [...where, 'path']);
    if (isIssue(path)) issues.push(path);
    const operand = readOperand(type, body[second], [...where, second]);
    if ('issue' in operand) issues.push(operand.issue);
    if (issues.length > 0 || isIssue(path) || 'issue' in operand) return bad(...issues);
    if (type === 'equals') return ok({ type, path, value: operand.value });
    if (type === 'matches') return ok({ type, path, pattern: operand.value as RegExp });
    return ok({ type, path, values: operand.value as unknown[] });
  };
};

/** Where a check's keys are in its short form (`{ relation: ownedBy, min: 2 }`) or its nested one (`{ relation: { type: ownedBy, min: 2 } }`). */
interface CheckForm {
  body: Record<string, unknown>;
  base: IssuePath;
  /** The key holding the main value: the type key when short, `mainKey` when nested. */
  main: string;
  /** Unknown keys of the nested form (the short form's are found by parseCheck). */
  issues: SchemaIssue[];
}

const readForm = (raw: Record<string, unknown>, at: IssuePath, type: 'relation' | 'file', mainKey: string, extras: readonly string[]): CheckForm => {
  const value = raw[type];
  if (!isPlainObject(value)) return { body: raw, base: at, main: type, issues: [] };
  const base = [...at, type];
  const allowed = [mainKey, ...extras];
  const issues = Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => invalid([...base, key], value[key], `only ${allowed.join(', ')} in ${type}`));
  return { body: value, base, main: mainKey, issues };
};

/** `relation: ownedBy` with optional `targetKind` and `min`, or `relation: { type, targetKind?, min? }`. */
const parseRelation: Parser = (raw, at) => {
  const { body, base, main, issues } = readForm(raw, at, 'relation', 'type', ['targetKind', 'min']);
  const { targetKind, min } = body;
  if (!isNonEmptyString(body[main])) issues.push(invalid([...base, main], body[main], 'a relation type such as ownedBy, dependsOn or partOf'));
  if (targetKind !== undefined && !isNonEmptyString(targetKind)) issues.push(invalid([...base, 'targetKind'], targetKind, 'a kind such as Group'));
  if (min !== undefined && !(Number.isInteger(min) && (min as number) >= 1)) {
    issues.push(invalid([...base, 'min'], min, 'a whole number of at least 1 (the default)'));
  }
  if (issues.length > 0) return bad(...issues);
  return ok({
    type: 'relation',
    relation: body[main] as string,
    ...(targetKind ? { targetKind: targetKind as string } : {}),
    min: (min as number | undefined) ?? 1,
  });
};

/** `file: path` with optional `contains`, or `file: { path, contains? }`. */
const parseFile: Parser = (raw, at) => {
  const { body, base, main, issues } = readForm(raw, at, 'file', 'path', ['contains']);
  const path = body[main];
  const parsedPath = typeof path === 'string' ? parseSourcePath(path) : undefined;
  const source = parsedPath?.ok ? parsedPath.path : undefined;
  if (!source) {
    const why = parsedPath && !parsedPath.ok ? ` (${parsedPath.message})` : '';
    const expected = `a file path such as README.md (next to the catalog file) or /docs/runbook.md (from the source root)${why}`;
    issues.push(path === undefined ? missing([...base, main], expected) : invalid([...base, main], path, expected));
  }
  const contains = body.contains === undefined ? undefined : readPattern(body.contains, [...base, 'contains'], true);
  if (isIssue(contains)) issues.push(contains);
  if (issues.length > 0 || !source) return bad(...issues);
  return ok({ type: 'file', path: path as string, source, ...(contains ? { contains: contains as RegExp } : {}) });
};

/** `docs: { maxAgeDays }`. */
const parseDocs: Parser = (raw, at) => {
  const body = raw.docs;
  const where = [...at, 'docs'];
  if (!isPlainObject(body)) return bad(invalid(where, body, 'a mapping such as { maxAgeDays: 90 }'));
  const extra = Object.keys(body).filter((key) => key !== 'maxAgeDays');
  if (extra.length > 0) return bad(...extra.map((key) => invalid([...where, key], body[key], 'only maxAgeDays in docs')));
  const { maxAgeDays } = body;
  if (typeof maxAgeDays !== 'number' || !(maxAgeDays > 0) || !Number.isFinite(maxAgeDays)) {
    return bad(
      maxAgeDays === undefined
        ? missing([...where, 'maxAgeDays'], 'a number of days such as 90')
        : invalid([...where, 'maxAgeDays'], maxAgeDays, 'a number of days greater than 0'),
    );
  }
  return ok({ type: 'docs', maxAgeDays });
};

/** `oncall: true`. */
const parseOncall: Parser = (raw, at) =>
  raw.oncall === true ? ok({ type: 'oncall' }) : bad(invalid([...at, 'oncall'], raw.oncall, 'true (to require nobody on call, write not: { oncall: true })'));

/** `noDependencyOn: { lifecycle: [deprecated] }` (a single string is accepted too). */
const parseNoDependencyOn: Parser = (raw, at) => {
  const body = raw.noDependencyOn;
  const where = [...at, 'noDependencyOn'];
  if (!isPlainObject(body)) return bad(invalid(where, body, 'a mapping such as { lifecycle: [deprecated] }'));
  const extra = Object.keys(body).filter((key) => key !== 'lifecycle');
  if (extra.length > 0) return bad(...extra.map((key) => invalid([...where, key], body[key], 'only lifecycle in noDependencyOn')));
  const lifecycle = body.lifecycle;
  const list = typeof lifecycle === 'string' ? [lifecycle] : lifecycle;
  if (!Array.isArray(list) || list.length === 0 || !list.every(isNonEmptyString)) {
    return bad(invalid([...where, 'lifecycle'], lifecycle, 'a non-empty list of lifecycles such as [deprecated, experimental]'));
  }
  return ok({ type: 'noDependencyOn', lifecycles: list });
};

/** `all: [...]` and `any: [...]`: every nested check is read, so every problem is reported at once. */
const parseCombinator = (type: 'all' | 'any'): Parser => {
  return (raw, at) => {
    const list = raw[type];
    const where = [...at, type];
    if (!Array.isArray(list) || list.length === 0)
      return bad(invalid(where, list, `a non-empty list of checks, such as ${type}: [{ exists: spec.owner }, { oncall: true }]`));
    const parsed = list.map((item, index) => parseCheck(item, [...where, index]));
    const issues = parsed.flatMap((result) => result.issues);
    return issues.length > 0 ? bad(...issues) : ok({ type, checks: parsed.map((result) => result.check!) });
  };
};

const parseNot: Parser = (raw, at) => {
  const inner = parseCheck(raw.not, [...at, 'not']);
  return inner.check ? ok({ type: 'not', check: inner.check }) : inner;
};

const PARSERS: Record<CheckType, Parser> = {
  exists: parseExists,
  equals: parseFieldCheck('equals', 'value', '{ path, value }'),
  matches: parseFieldCheck('matches', 'pattern', '{ path, pattern }'),
  in: parseFieldCheck('in', 'values', '{ path, values }'),
  relation: parseRelation,
  file: parseFile,
  docs: parseDocs,
  oncall: parseOncall,
  noDependencyOn: parseNoDependencyOn,
  all: parseCombinator('all'),
  any: parseCombinator('any'),
  not: parseNot,
};

/** Keys allowed beside the type key, in the short forms `{ relation: ownedBy, targetKind: Group }` and `{ file: x, contains: y }`. */
const SIBLINGS: Partial<Record<CheckType, readonly string[]>> = { relation: ['targetKind', 'min'], file: ['contains'] };

export const CHECK_TYPES = Object.keys(PARSERS) as CheckType[];
const isCheckType = (key: string): key is CheckType => Object.hasOwn(PARSERS, key);
const TYPE_LIST = CHECK_TYPES.join(', ');

/**
 * Reads one check (a mapping with exactly one check type as its key) found at `at` in the entity. Every issue names
 * its own path, so nested mistakes land on their own line.
 */
export function parseCheck(raw: unknown, at: IssuePath): ParseCheckResult {
  if (!isPlainObject(raw)) return bad(invalid(at, raw, `a mapping with one check, such as { exists: spec.owner }; check types: ${TYPE_LIST}`));
  const types = Object.keys(raw).filter(isCheckType);
  if (types.length !== 1) {
    const why =
      types.length === 0
        ? `one check type (${TYPE_LIST})`
        : `exactly one check type per mapping, found ${types.join(' and ')}; combine checks with all: [...] or any: [...]`;
    return bad(invalid(at, raw, why));
  }
  const type = types[0]!;
  const allowed = SIBLINGS[type] ?? [];
  const extra = Object.keys(raw).filter((key) => key !== type && !allowed.includes(key));
  if (extra.length > 0) {
    const expected = allowed.length > 0 ? `only ${allowed.join(' and ')} beside ${type}` : `nothing beside ${type} in this check`;
    return bad(...extra.map((key) => invalid([...at, key], raw[key], `a check type (${TYPE_LIST}); ${expected}`)));
  }
  return PARSERS[type](raw, at);
}
