/**
 * JSON Schema `dependencies` (and `allOf` of `if`/`then`) read into conditional fields: a field that belongs on the
 * page only while another field holds certain values. What cannot be read that way becomes a note for the page;
 * validation still applies the whole schema on submit, so such a form is never silently wrong.
 */

export interface ConditionalField {
  name: string;
  schema: Record<string, unknown>;
  required: boolean;
  condition: { field: string; values?: unknown[] };
}

export interface MappedDependencies {
  fields: ConditionalField[];
  notes: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The values a branch's discriminating property must hold: its `enum` or `const`. */
const discriminatorValues = (schema: unknown): unknown[] | undefined => {
  if (!isRecord(schema)) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum;
  return 'const' in schema ? [schema.const] : undefined;
};

/** Adds a branch's other properties as fields conditional on `field`; the same field in two branches gathers both values. */
const addBranch = (
  found: Map<string, ConditionalField>,
  field: string,
  values: unknown[] | undefined,
  branch: Record<string, unknown>,
  base: Set<string>,
): void => {
  const properties = isRecord(branch.properties) ? branch.properties : {};
  const required = new Set(Array.isArray(branch.required) ? branch.required.filter((entry): entry is string => typeof entry === 'string') : []);
  for (const [name, schema] of Object.entries(properties)) {
    if (name === field || base.has(name) || !isRecord(schema)) continue;
    const existing = found.get(name);
    if (existing) {
      existing.condition.values = existing.condition.values && values ? [...existing.condition.values, ...values] : undefined;
      continue;
    }
    found.set(name, { name, schema, required: required.has(name), condition: { field, ...(values ? { values: [...values] } : {}) } });
  }
};

const dependencyNote = (field: string): string =>
  `Some questions depend on “${field}” in a way Slack cannot show as a form; your answers are still checked against those rules when you continue.`;

/** One `dependencies` entry: a list (validation only), a schema, or a schema with `oneOf` branches keyed on the field. */
const mapDependency = (found: Map<string, ConditionalField>, field: string, dependency: unknown, base: Set<string>): string | undefined => {
  if (Array.isArray(dependency)) return undefined;
  if (!isRecord(dependency)) return dependencyNote(field);
  const { oneOf, ...rest } = dependency;
  const unmapped = Object.keys(rest).filter((key) => key !== 'properties' && key !== 'required');
  if (unmapped.length > 0) return dependencyNote(field);
  if (isRecord(rest.properties) || Array.isArray(rest.required)) addBranch(found, field, undefined, rest, base);
  if (oneOf === undefined) return undefined;
  if (!Array.isArray(oneOf)) return dependencyNote(field);
  let note: string | undefined;
  for (const branch of oneOf) {
    const values = isRecord(branch) && isRecord(branch.properties) ? discriminatorValues(branch.properties[field]) : undefined;
    if (!isRecord(branch) || !values) note = dependencyNote(field);
    else addBranch(found, field, values, branch, base);
  }
  return note;
};

/** `allOf: [{ if: { properties: { a: { const: x } } }, then: { properties, required } }]`, one property in the `if`. */
const mapIfThen = (found: Map<string, ConditionalField>, entry: unknown, base: Set<string>): string | undefined => {
  if (!isRecord(entry) || !isRecord(entry.if)) return undefined;
  const conditions = isRecord(entry.if.properties) ? Object.entries(entry.if.properties) : [];
  const [first] = conditions;
  const values = first ? discriminatorValues(first[1]) : undefined;
  if (conditions.length !== 1 || !first || !values || entry.else !== undefined || !isRecord(entry.then)) {
    return dependencyNote(first?.[0] ?? 'other answers');
  }
  addBranch(found, first[0], values, entry.then, base);
  return undefined;
};

export const mapDependencies = (page: Record<string, unknown>): MappedDependencies => {
  const base = new Set(isRecord(page.properties) ? Object.keys(page.properties) : []);
  const found = new Map<string, ConditionalField>();
  const notes = new Set<string>();
  const dependencies = isRecord(page.dependencies) ? page.dependencies : {};
  for (const [field, dependency] of Object.entries(dependencies)) {
    const note = mapDependency(found, field, dependency, base);
    if (note) notes.add(note);
  }
  for (const entry of Array.isArray(page.allOf) ? page.allOf : []) {
    const note = mapIfThen(found, entry, base);
    if (note) notes.add(note);
  }
  for (const key of ['oneOf', 'anyOf', 'if']) {
    if (page[key] !== undefined)
      notes.add(`This page has rules (${key}) Slack cannot show as a form; your answers are checked against them when you continue.`);
  }
  return { fields: [...found.values()], notes: [...notes] };
};
