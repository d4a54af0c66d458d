import type { FieldKind, FieldOption } from './form-model.ts';

/** Which input shows a property: from its `ui:field`, `ui:widget`, `type`, `enum` and `format`. */

export interface FieldShape {
  kind: FieldKind;
  multiple: boolean;
  options?: FieldOption[];
  note?: string;
  valueType?: string;
}

/** Slack's static selects hold at most 100 options; longer lists are served by an external select. */
export const MAX_STATIC_OPTIONS = 100;

const PICKER_FIELDS: Record<string, { kind: FieldKind; multiple: boolean }> = {
  EntityPicker: { kind: 'entity-picker', multiple: false },
  OwnerPicker: { kind: 'owner-picker', multiple: false },
  MultiEntityPicker: { kind: 'multi-entity-picker', multiple: true },
  OwnedEntityPicker: { kind: 'owned-entity-picker', multiple: false },
  MyGroupsPicker: { kind: 'my-groups-picker', multiple: false },
  EntityTagsPicker: { kind: 'entity-tags-picker', multiple: true },
  EntityNamePicker: { kind: 'entity-name', multiple: false },
  RepoUrlPicker: { kind: 'repo-url', multiple: false },
  Secret: { kind: 'password', multiple: false },
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type EnumValue = FieldOption['value'];
const isEnumValue = (value: unknown): value is EnumValue => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** `enum` with `enumNames` (or `ui:enumNames`) labels, or a `oneOf` of `{ const, title }`. */
export const readEnumOptions = (schema: Record<string, unknown>): FieldOption[] | undefined => {
  if (Array.isArray(schema.enum)) {
    const names = Array.isArray(schema.enumNames) ? schema.enumNames : Array.isArray(schema['ui:enumNames']) ? schema['ui:enumNames'] : [];
    return schema.enum.filter(isEnumValue).map((value, i) => ({ value, label: typeof names[i] === 'string' ? names[i] : String(value) }));
  }
  const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (!alternatives || alternatives.length === 0 || !alternatives.every((entry) => isRecord(entry) && 'const' in entry && isEnumValue(entry.const))) {
    return undefined;
  }
  return (alternatives as Record<string, unknown>[]).map((entry) => ({
    value: entry.const as EnumValue,
    label: typeof entry.title === 'string' ? entry.title : String(entry.const),
  }));
};

const typeOf = (schema: Record<string, unknown>): string | undefined => {
  if (typeof schema.type === 'string') return schema.type;
  // ['string', 'null'] and the like: the form shows the first non-null type.
  if (Array.isArray(schema.type)) return schema.type.find((entry): entry is string => typeof entry === 'string' && entry !== 'null') ?? 'null';
  return undefined;
};

const unsupported = (valueType: string | undefined, note: string): FieldShape => ({ kind: 'unsupported', multiple: valueType === 'array', note, valueType });

const classifyArray = (schema: Record<string, unknown>): FieldShape => {
  const items = isRecord(schema.items) ? schema.items : {};
  const options = readEnumOptions(items);
  if (options && options.length > 0) {
    return { kind: options.length > MAX_STATIC_OPTIONS ? 'external-select' : 'multi-select', multiple: true, options, valueType: 'array' };
  }
  if (typeOf(items) === 'string' || typeOf(items) === undefined) {
    return unsupported('array', 'Type one item per line.');
  }
  return unsupported('array', 'Slack cannot show this list as a form; type it as JSON (a list). It is checked when you continue.');
};

const classifyString = (schema: Record<string, unknown>): FieldShape => {
  if (schema.format === 'date') return { kind: 'date', multiple: false, valueType: 'string' };
  if (schema['ui:widget'] === 'password') return { kind: 'password', multiple: false, valueType: 'string' };
  if (schema['ui:widget'] === 'textarea') return { kind: 'textarea', multiple: false, valueType: 'string' };
  return { kind: 'text', multiple: false, valueType: 'string' };
};

export const classifyField = (schema: Record<string, unknown>): FieldShape => {
  const field = schema['ui:field'];
  if (typeof field === 'string') {
    const picker = PICKER_FIELDS[field];
    if (picker) return { ...picker, valueType: picker.multiple ? 'array' : 'string' };
    return unsupported(
      typeOf(schema),
      `Callboard cannot show the “${field}” field from Backstage here; type the value${typeOf(schema) === 'string' || typeOf(schema) === undefined ? '' : ' as JSON'}. It is checked when you continue.`,
    );
  }
  const type = typeOf(schema);
  if (type === 'null') return { kind: 'context', multiple: false, valueType: 'null' };
  if (type === 'array') return classifyArray(schema);
  const options = readEnumOptions(schema);
  if (type === 'boolean') return { kind: 'checkbox', multiple: false, valueType: 'boolean' };
  if (options && options.length > 0) {
    return { kind: options.length > MAX_STATIC_OPTIONS ? 'external-select' : 'static-select', multiple: false, options, valueType: type };
  }
  if (type === 'number' || type === 'integer') return { kind: 'number', multiple: false, valueType: type };
  if (type === 'string' || type === undefined) return classifyString(schema);
  return unsupported(type, 'Slack cannot show this value as a form; type it as JSON. It is checked when you continue.');
};
