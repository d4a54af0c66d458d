import type { ParameterPage } from '../template-definition.ts';
import { classifyField } from './classify-field.ts';
import { isSecretSchema, readPickerSettings, readRepoUrlSettings, readReviewSettings } from './field-settings.ts';
import type { FormField, FormPage } from './form-model.ts';
import { mapDependencies, type ConditionalField } from './map-dependencies.ts';
import { orderFieldNames } from './order-fields.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined);

/** `description` and `ui:help` together, as the hint under the input. */
const hintOf = (schema: Record<string, unknown>): string | undefined => {
  const parts = [textOf(schema.description), textOf(schema['ui:help'])].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join('\n') : undefined;
};

/** What to type for formats Slack has no picker for (ajv-formats checks them on submit). */
const FORMAT_PLACEHOLDERS: Record<string, string> = {
  'date-time': '2026-12-31T23:59:00Z',
  time: '23:59:00Z',
  email: 'name@example.com',
  uri: 'https://…',
  url: 'https://…',
};

/** One property read into a field. Exported for the tests and for conditional fields. */
export const buildFormField = (name: string, schema: Record<string, unknown>, required: boolean, condition?: FormField['condition']): FormField => {
  const shape = classifyField(schema);
  const secret = isSecretSchema(schema);
  const hint = hintOf(schema);
  const placeholder = textOf(schema['ui:placeholder']) ?? (typeof schema.format === 'string' ? FORMAT_PLACEHOLDERS[schema.format] : undefined);
  const kindDefaults = shape.kind === 'owner-picker' ? ['Group', 'User'] : shape.kind === 'my-groups-picker' ? ['Group'] : [];
  return {
    name,
    label: textOf(schema.title) ?? name,
    kind: shape.kind,
    required,
    ...(hint ? { hint } : {}),
    ...(placeholder ? { placeholder } : {}),
    ...('default' in schema ? { default: schema.default } : {}),
    autofocus: schema['ui:autofocus'] === true,
    readonly: schema['ui:readonly'] === true || schema['ui:disabled'] === true,
    hidden: schema['ui:widget'] === 'hidden',
    secret,
    review: readReviewSettings(schema, secret || shape.kind === 'password'),
    ...(shape.options ? { options: shape.options } : {}),
    multiple: shape.multiple,
    ...(numberOf(schema.minimum) !== undefined ? { minimum: numberOf(schema.minimum) } : {}),
    ...(numberOf(schema.maximum) !== undefined ? { maximum: numberOf(schema.maximum) } : {}),
    ...(schema.type === 'integer' ? { integer: true } : {}),
    ...(numberOf(schema.minLength) !== undefined ? { minLength: numberOf(schema.minLength) } : {}),
    ...(numberOf(schema.maxLength) !== undefined ? { maxLength: numberOf(schema.maxLength) } : {}),
    ...(shape.kind.endsWith('-picker') ? { picker: readPickerSettings(schema, kindDefaults) } : {}),
    ...(shape.kind === 'repo-url' ? { repoUrl: readRepoUrlSettings(schema) } : {}),
    ...(shape.kind === 'context' ? { note: textOf(schema.description) ?? textOf(schema.title) ?? '' } : shape.note ? { note: shape.note } : {}),
    ...(shape.valueType ? { valueType: shape.valueType } : {}),
    ...(condition ? { condition } : {}),
    controlsOthers: false,
    schema,
  };
};

/** Without `ui:order`, a conditional field follows the field it depends on. */
const defaultOrder = (base: string[], conditional: ConditionalField[]): string[] =>
  base
    .flatMap((name) => [name, ...conditional.filter((field) => field.condition.field === name).map((field) => field.name)])
    .concat(conditional.filter((field) => !base.includes(field.condition.field)).map((field) => field.name));

/** One page: its own properties plus the conditional ones from `dependencies`, in `ui:order` order. */
export const buildFormPage = (page: ParameterPage, index: number): FormPage => {
  const properties = isRecord(page.properties) ? page.properties : {};
  const required = new Set(Array.isArray(page.required) ? page.required : []);
  const { fields: conditional, notes } = mapDependencies(page);
  const byName = new Map<string, FormField>();
  for (const [name, schema] of Object.entries(properties)) {
    if (isRecord(schema)) byName.set(name, buildFormField(name, schema, required.has(name)));
  }
  for (const field of conditional) byName.set(field.name, buildFormField(field.name, field.schema, field.required, field.condition));
  const controllers = new Set(conditional.map((field) => field.condition.field));
  const names = [...byName.keys()];
  const order =
    page['ui:order'] === undefined
      ? defaultOrder(
          Object.keys(properties).filter((name) => byName.has(name)),
          conditional,
        )
      : page['ui:order'];
  const fields = orderFieldNames(names, order).map((name) => {
    const field = byName.get(name)!;
    return controllers.has(name) ? { ...field, controlsOthers: true } : field;
  });
  const description = textOf(page.description);
  return { index, title: textOf(page.title) ?? `Step ${index + 1}`, ...(description ? { description } : {}), fields, notes };
};

export const buildFormPages = (pages: readonly ParameterPage[]): FormPage[] => pages.map(buildFormPage);

/** Whether a conditional field belongs on the page given the values so far. */
export const isFieldActive = (field: FormField, values: Readonly<Record<string, unknown>>): boolean => {
  if (!field.condition) return true;
  const current = values[field.condition.field];
  if (!field.condition.values) return current !== undefined && current !== null && current !== '';
  return field.condition.values.some((value) => value === current);
};
