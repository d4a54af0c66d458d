import type { InputBlockElement, PlainTextOption } from '@slack/types';
import type { FieldOption, FormField } from '../../../core/scaffolder/form/form-model.ts';
import { blankSecretsInside } from '../../../core/scaffolder/form/secrets-inside.ts';
import { ScaffolderActionIds } from '../../ids.ts';
import { Limits, plainText } from '../blocks.ts';

/**
 * The Slack input element for one form field, pre-filled with the value held (or the default). Option values are
 * the enum's index (`"0"`, `"1"`…), so any enum value (numbers, long strings) fits Slack's 150 characters and reads
 * back exactly; the parser (slack/parse/template-form-values.ts) maps them back through the same field.
 */

const PLACEHOLDER_CHARS = 150;
const INPUT_CHARS = 3000;

export const fieldActionId = (field: FormField): string => `${ScaffolderActionIds.fieldPrefix}${field.name}`;
export const pickerActionId = (field: FormField): string => `${ScaffolderActionIds.pickerPrefix}${field.name}`;

const optionOf = (option: FieldOption, index: number): PlainTextOption => ({ text: plainText(option.label, Limits.optionText), value: String(index) });

const selectedOptions = (field: FormField, value: unknown): PlainTextOption[] => {
  const wanted = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return (field.options ?? []).flatMap((option, i) => (wanted.some((entry) => entry === option.value) ? [optionOf(option, i)] : []));
};

const placeholder = (field: FormField, fallback: string) => ({ placeholder: plainText(field.placeholder ?? fallback, PLACEHOLDER_CHARS) });

const textValue = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 0 && text.length <= INPUT_CHARS ? text : undefined;
};

const textInput = (field: FormField, value: unknown, multiline: boolean): InputBlockElement => {
  const max = field.maxLength !== undefined && field.maxLength >= 1 && field.maxLength <= INPUT_CHARS ? field.maxLength : undefined;
  const initial = textValue(value);
  return {
    type: 'plain_text_input',
    action_id: fieldActionId(field),
    ...(multiline ? { multiline: true } : {}),
    ...(initial !== undefined && (max === undefined || initial.length <= max) ? { initial_value: initial } : {}),
    ...(max !== undefined ? { max_length: max } : {}),
    ...(field.placeholder ? placeholder(field, '') : {}),
  };
};

/** An unsupported field's stand-in: one item per line for a list of strings, JSON for anything else. */
const standInText = (field: FormField, value: unknown): string | undefined => {
  if (Array.isArray(value) && field.note?.includes('one item per line') && value.every((entry) => typeof entry === 'string')) return value.join('\n');
  return textValue(value);
};

/** Slack takes numbers as plain decimal strings: `1e-7` or `1e21` would be refused, so such figures are left out. */
const decimal = (value: number | undefined): string | undefined => {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const text = String(value);
  return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
};

const numberInput = (field: FormField, value: unknown): InputBlockElement => {
  // Slack needs min ≤ max and an initial value between them; a schema or value that says otherwise is left to validation.
  const ordered = field.minimum === undefined || field.maximum === undefined || field.minimum <= field.maximum;
  const min = ordered ? decimal(field.minimum) : undefined;
  const max = ordered ? decimal(field.maximum) : undefined;
  const initial = typeof value === 'number' ? decimal(value) : undefined;
  const inRange = typeof value === 'number' && (min === undefined || value >= Number(min)) && (max === undefined || value <= Number(max));
  return {
    type: 'number_input',
    action_id: fieldActionId(field),
    is_decimal_allowed: !field.integer,
    ...(initial !== undefined && inRange ? { initial_value: initial } : {}),
    ...(min !== undefined ? { min_value: min } : {}),
    ...(max !== undefined ? { max_value: max } : {}),
  };
};

const staticSelect = (field: FormField, value: unknown): InputBlockElement => {
  const options = (field.options ?? []).map(optionOf);
  const selected = selectedOptions(field, value);
  if (field.multiple) {
    return {
      type: 'multi_static_select',
      action_id: fieldActionId(field),
      options,
      ...(selected.length > 0 ? { initial_options: selected } : {}),
      ...placeholder(field, 'Choose'),
    };
  }
  return {
    type: 'static_select',
    action_id: fieldActionId(field),
    options,
    ...(selected[0] ? { initial_option: selected[0] } : {}),
    ...placeholder(field, 'Choose one'),
  };
};

/** A catalog value (`component:default/x`, a tag) as an option: value and text are the value itself. */
const valueOption = (value: unknown): PlainTextOption[] =>
  typeof value === 'string' && value.length > 0 && value.length <= Limits.optionValue ? [{ text: plainText(value, Limits.optionText), value }] : [];

/** Catalog pickers and long enums: options come from the block_suggestion listener as the person types. */
const externalSelect = (field: FormField, value: unknown): InputBlockElement => {
  const initial = field.options ? selectedOptions(field, value) : (Array.isArray(value) ? value : [value]).flatMap(valueOption);
  const common = { action_id: pickerActionId(field), min_query_length: 0, ...placeholder(field, 'Type to search') };
  if (field.multiple) return { type: 'multi_external_select', ...common, ...(initial.length > 0 ? { initial_options: initial.slice(0, Limits.options) } : {}) };
  return { type: 'external_select', ...common, ...(initial[0] ? { initial_option: initial[0] } : {}) };
};

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Undefined for kinds that have no single element (context, repo-url, hidden fields). */
export const fieldElement = (field: FormField, value: unknown): InputBlockElement | undefined => {
  switch (field.kind) {
    case 'text':
    case 'entity-name':
      return textInput(field, value, false);
    case 'password':
      // Slack has no masked input; a secret is never written back into a view, so Back leaves it empty.
      return textInput(field, undefined, false);
    case 'textarea':
      return textInput(field, value, true);
    case 'unsupported':
      // Secrets inside an object or list typed as JSON are not written back either: they come back blank.
      return textInput(field, standInText(field, blankSecretsInside(field.schema, value)), field.valueType !== 'string' && field.valueType !== undefined);
    case 'number':
      return numberInput(field, value);
    case 'checkbox':
      return {
        type: 'checkboxes',
        action_id: fieldActionId(field),
        options: [{ text: plainText(field.label, Limits.optionText), value: 'true' }],
        ...(value === true ? { initial_options: [{ text: plainText(field.label, Limits.optionText), value: 'true' }] } : {}),
      };
    case 'static-select':
    case 'multi-select':
      return staticSelect(field, value);
    case 'date':
      return { type: 'datepicker', action_id: fieldActionId(field), ...(typeof value === 'string' && DATE.test(value) ? { initial_date: value } : {}) };
    case 'external-select':
    case 'entity-picker':
    case 'owner-picker':
    case 'multi-entity-picker':
    case 'owned-entity-picker':
    case 'my-groups-picker':
    case 'entity-tags-picker':
      return externalSelect(field, value);
    default:
      return undefined;
  }
};
