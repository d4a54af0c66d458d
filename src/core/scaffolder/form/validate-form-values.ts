import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvErrorsModule from 'ajv-errors';
import addFormatsModule from 'ajv-formats';
import type { ParameterPage } from '../template-definition.ts';
import { buildFormPage } from './build-form-model.ts';
import type { FormPage } from './form-model.ts';
import { checkFieldRules } from './field-rules.ts';

/**
 * Form values checked against each page's JSON Schema as Backstage checks them (ajv, ajv-formats, ajv-errors'
 * `errorMessage`), plus the field extensions' own rules. `ui:*` keys and `when` are not JSON Schema, so strict
 * mode is off. Page-level problems with no field to point at are keyed by the empty string.
 */

type Plugin = (ajv: Ajv) => Ajv;
// Both plugins are CommonJS with a `default` export; under NodeNext the default import is the whole module.
const pluginOf = (module: unknown): Plugin => ((module as { default?: Plugin }).default ?? module) as Plugin;

const createAjv = (): Ajv => {
  // No logger: the core never logs; an unknown format (`data-url`) is simply not checked, as in Backstage's form.
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, $data: true, logger: false });
  pluginOf(addFormatsModule)(ajv);
  pluginOf(ajvErrorsModule)(ajv);
  return ajv;
};

let shared: Ajv | undefined;
type CompiledPage = { validate: ValidateFunction | undefined; form: FormPage; schemaError?: string; schema?: object };

/**
 * Compiled pages by their text: a template read again for each submission compiles once, not per request. Bounded,
 * oldest out first, so templates that change often cannot grow it without end.
 */
const compiled = new Map<string, CompiledPage>();
const MAX_COMPILED = 500;

/** A page's schema compiled once; a schema ajv refuses is reported on the page instead of thrown. */
const compilePage = (page: ParameterPage, index: number): CompiledPage => {
  const key = `${index} ${JSON.stringify(page)}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  shared ??= createAjv();
  const { when: _when, title: _title, description: _description, ...schema } = page;
  const objectSchema = { type: 'object', ...schema };
  let entry: CompiledPage;
  try {
    entry = { validate: shared.compile(objectSchema), form: buildFormPage(page, index), schema: objectSchema };
  } catch (error) {
    entry = { validate: undefined, form: buildFormPage(page, index), schemaError: error instanceof Error ? error.message : String(error) };
  }
  if (compiled.size >= MAX_COMPILED) {
    const [oldestKey, oldest] = compiled.entries().next().value!;
    compiled.delete(oldestKey);
    // ajv keeps every compiled schema too; let it go with ours.
    if (oldest.schema) shared.removeSchema(oldest.schema);
  }
  compiled.set(key, entry);
  return entry;
};

/** The top-level property an error is about, or '' for the page as a whole. */
const fieldOf = (error: ErrorObject): string => {
  if (error.keyword === 'errorMessage' && error.instancePath === '') {
    const [inner] = (error.params as { errors?: ErrorObject[] }).errors ?? [];
    return inner ? fieldOf(inner) : '';
  }
  const [, first] = error.instancePath.split('/');
  if (first) return first.replace(/~1/g, '/').replace(/~0/g, '~');
  const missing = (error.params as { missingProperty?: unknown }).missingProperty;
  return typeof missing === 'string' ? missing : '';
};

/**
 * A failed `oneOf` reports every branch's errors. Only the branches whose discriminator (`const`/`enum`) matched
 * say anything useful, so the others are dropped, and the `oneOf` error itself when a matching branch explains it.
 */
const relevantErrors = (errors: readonly ErrorObject[]): ErrorObject[] => {
  const branchOf = (error: ErrorObject): string | undefined => /^(.*\/oneOf\/\d+)\//.exec(error.schemaPath)?.[1];
  const mismatched = new Set(errors.filter((error) => error.keyword === 'const' || error.keyword === 'enum').flatMap((error) => branchOf(error) ?? []));
  const kept = errors.filter((error) => {
    const branch = branchOf(error);
    return branch === undefined || !mismatched.has(branch);
  });
  const explained = new Set(kept.flatMap((error) => branchOf(error)?.replace(/\/\d+$/, '') ?? []));
  return kept.filter((error) => error.keyword !== 'oneOf' || !explained.has(error.schemaPath));
};

const messageOf = (error: ErrorObject, label: string): string => {
  if (error.keyword === 'oneOf' && error.instancePath === '') return `The answers on “${label}” do not fit any combination the template allows.`;
  if (error.keyword === 'errorMessage') return error.message ?? `${label} is not valid.`;
  if (error.keyword === 'required' || error.keyword === 'dependencies' || error.keyword === 'dependentRequired') {
    // Inside an object field the missing part is named: "Owner profile: displayName is required."
    const missing = (error.params as { missingProperty?: unknown }).missingProperty;
    return error.instancePath === ''
      ? `${label} is required.`
      : `${label}: ${[...error.instancePath.split('/').slice(2), String(missing)].join('.')} is required.`;
  }
  const at = error.instancePath.split('/').slice(2).join('.');
  return `${label}${at ? ` (${at})` : ''} ${error.message ?? 'is not valid'}.`;
};

export const validateFormValues = (
  pages: ParameterPage[],
  values: Record<string, unknown>,
  options: { pageIndexes?: number[] } = {},
): Record<string, string> => {
  const errors: Record<string, string> = {};
  const indexes = options.pageIndexes ?? pages.map((_, i) => i);
  for (const index of indexes) {
    const page = pages[index];
    if (!page) continue;
    const { validate, form, schemaError } = compilePage(page, index);
    if (schemaError) errors[''] ??= `The template's form (page ${index + 1}, “${form.title}”) has an invalid schema: ${schemaError}`;
    const labels = new Map(form.fields.map((field) => [field.name, field.label]));
    if (validate && !validate(values)) {
      for (const error of relevantErrors(validate.errors ?? [])) {
        const field = fieldOf(error);
        errors[field] ??= messageOf(error, labels.get(field) ?? (field || form.title));
      }
    }
    for (const field of form.fields) {
      if (errors[field.name] !== undefined) continue;
      const message = checkFieldRules(field, values[field.name]);
      if (message) errors[field.name] = message;
    }
  }
  return errors;
};
