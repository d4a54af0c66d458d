import { InvalidInputError } from '../../core/errors.ts';
import { secretFieldPaths } from '../../core/scaffolder/form/secret-fields.ts';
import { changeAtPath, valueAtPath } from '../../core/scaffolder/form/value-paths.ts';
import { validateFormValues } from '../../core/scaffolder/form/validate-form-values.ts';
import { resolvePages } from '../../core/scaffolder/form/visible-pages.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';

/** A submission split three ways, so secrets can live in memory only. */
export interface RunValues {
  /** What the run records and shows: every secret field removed, nested ones (inside an object field) too. */
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

/** Splits secrets off the values; nothing here validates. */
export const splitValues = (definition: TemplateDefinition, values: Record<string, unknown>): RunValues => {
  const paths = secretFieldPaths(definition.pages);
  const secretNames = new Set(paths.filter((path) => path.length === 1).map((path) => path[0]));
  const secrets: Record<string, string> = {};
  const parameters: Record<string, unknown> = {};
  let stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'secrets' && isRecord(value)) {
      for (const [key, secret] of Object.entries(value)) if (secret !== undefined && secret !== null) secrets[key] = String(secret);
      continue;
    }
    parameters[name] = value;
    if (secretNames.has(name)) {
      if (isGiven(value)) secrets[name] = String(value);
      continue;
    }
    stored[name] = value;
  }
  for (const path of paths.filter((entry) => entry.length > 1 && entry[0] !== 'secrets')) {
    const value = valueAtPath(values, path);
    if (isGiven(value)) {
      const text = String(value);
      const key = path.at(-1)!;
      secrets[secrets[key] === undefined || secrets[key] === text ? key : path.join('.')] = text;
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
