import { InvalidInputError } from '../../core/errors.ts';
import { secretFieldPaths } from '../../core/scaffolder/form/secret-fields.ts';
import { changeAtPath, valuesAtPath } from '../../core/scaffolder/form/value-paths.ts';
import { validateFormValues } from '../../core/scaffolder/form/validate-form-values.ts';
import { resolvePages } from '../../core/scaffolder/form/visible-pages.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';

/** A submission split three ways, so secrets can live in memory only. */
export interface RunValues {
  /** What the run records and shows: every secret field removed, nested ones (in object fields, array items) too. */
  stored: Record<string, unknown>;
  /** `parameters` as steps see them: every field as entered (a password widget stays readable, as in Backstage). */
  parameters: Record<string, unknown>;
  /**
   * `secrets` as steps see them: `ui:field: Secret` and password fields by name (a nested one by its own name, as
   * Backstage's Secret widget keys it; by its dotted path when another secret has that name), plus a submitted `secrets` object.
   */
  secrets: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isGiven = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** The texts a secret value holds: itself, or each item of a list of passwords. */
const secretTexts = (value: unknown, at: readonly (string | number)[]): [readonly (string | number)[], string][] => {
  if (Array.isArray(value)) return value.flatMap((item, index) => secretTexts(item, [...at, index]));
  return isGiven(value) ? [[at, String(value)]] : [];
};

/** Splits secrets off the values; nothing here validates. */
export const splitValues = (definition: TemplateDefinition, values: Record<string, unknown>): RunValues => {
  // Top-level fields first, so they keep their own names in `secrets`.
  const paths = secretFieldPaths(definition.pages)
    .filter((path) => path.length === 1 || path[0] !== 'secrets')
    .sort((a, b) => Number(a.length > 1) - Number(b.length > 1));
  const secrets: Record<string, string> = {};
  const parameters: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'secrets' && isRecord(value)) {
      for (const [key, secret] of Object.entries(value)) if (secret !== undefined && secret !== null) secrets[key] = String(secret);
      continue;
    }
    parameters[name] = value;
  }
  let stored: Record<string, unknown> = { ...parameters };
  for (const path of paths) {
    for (const found of valuesAtPath(values, path)) {
      for (const [at, text] of secretTexts(found.value, found.at)) {
        const key = at.length === 1 ? String(at[0]) : String(at.findLast((step) => typeof step === 'string') ?? at.join('.'));
        secrets[secrets[key] === undefined || secrets[key] === text ? key : at.join('.')] = text;
      }
    }
    // Steps still read it in `parameters` (as a top-level password), but the run record never holds it.
    stored = changeAtPath(stored, path, () => undefined);
  }
  return { stored, parameters, secrets };
};

/**
 * Drops the answers of pages whose `when` is false, validates the rest against the pages shown, then splits secrets off.
 * @throws InvalidInputError whose fieldErrors name each failing field
 */
export const prepareValues = (definition: TemplateDefinition, values: Record<string, unknown>): RunValues => {
  // As Backstage does before it validates: answers on pages whose `when` is false are dropped.
  const { visible: pageIndexes, values: kept } = resolvePages(definition.pages, values);
  const split = splitValues(definition, kept);
  const fieldErrors = validateFormValues(definition.pages, { ...split.parameters }, { pageIndexes });
  const names = Object.keys(fieldErrors);
  if (names.length > 0) {
    const list = names.map((name) => `${name}: ${fieldErrors[name]}`).join('; ');
    throw new InvalidInputError(`the values do not fit template ${definition.ref}: ${list}`, { fieldErrors });
  }
  return split;
};
