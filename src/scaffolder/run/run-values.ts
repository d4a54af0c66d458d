import { InvalidInputError } from '../../core/errors.ts';
import { secretFieldNames } from '../../core/scaffolder/form/secret-fields.ts';
import { validateFormValues } from '../../core/scaffolder/form/validate-form-values.ts';
import { visiblePages } from '../../core/scaffolder/form/visible-pages.ts';
import type { TemplateDefinition } from '../../core/scaffolder/template-definition.ts';
import type { TemplateEngine } from '../../core/scaffolder/template-engine.ts';

/** A submission split three ways, so secrets can live in memory only. */
export interface RunValues {
  /** What the run records and shows: every secret field removed. */
  stored: Record<string, unknown>;
  /** `parameters` as steps see them: every field as entered (a password widget stays readable, as in Backstage). */
  parameters: Record<string, unknown>;
  /** `secrets` as steps see them: `ui:field: Secret` and password fields by name, plus a submitted `secrets` object. */
  secrets: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Splits secrets off the values; nothing here validates. */
export const splitValues = (definition: TemplateDefinition, values: Record<string, unknown>): RunValues => {
  const secretNames = new Set(secretFieldNames(definition.pages));
  const secrets: Record<string, string> = {};
  const parameters: Record<string, unknown> = {};
  const stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === 'secrets' && isRecord(value)) {
      for (const [key, secret] of Object.entries(value)) if (secret !== undefined && secret !== null) secrets[key] = String(secret);
      continue;
    }
    parameters[name] = value;
    if (secretNames.has(name)) {
      if (value !== undefined && value !== null && value !== '') secrets[name] = String(value);
      continue;
    }
    stored[name] = value;
  }
  return { stored, parameters, secrets };
};

/**
 * Validates the values against the pages whose `when` holds, then splits secrets off.
 * @throws InvalidInputError whose fieldErrors name each failing field
 */
export const prepareValues = (definition: TemplateDefinition, values: Record<string, unknown>, engine: TemplateEngine): RunValues => {
  const split = splitValues(definition, values);
  const pageIndexes = visiblePages(definition.pages, split.parameters, engine);
  const fieldErrors = validateFormValues(definition.pages, { ...split.parameters }, { pageIndexes });
  const names = Object.keys(fieldErrors);
  if (names.length > 0) {
    const list = names.map((name) => `${name}: ${fieldErrors[name]}`).join('; ');
    throw new InvalidInputError(`the values do not fit template ${definition.ref}: ${list}`, { fieldErrors });
  }
  return split;
};
