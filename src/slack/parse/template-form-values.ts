import { isFieldActive } from '../../core/scaffolder/form/build-form-model.ts';
import type { FormField, FormPage } from '../../core/scaffolder/form/form-model.ts';
import { formatRepoUrl } from '../../core/scaffolder/form/repo-url-value.ts';
import { dropBlankSecretsInside } from '../../core/scaffolder/form/secrets-inside.ts';

/**
 * A submitted page read back into typed values (`view.state.values` → numbers, booleans, arrays, dates, the
 * RepoUrlPicker's `host?owner=o&repo=r`), through the same form model the page was built from. Empty inputs give
 * no value, so `required` reports them. What cannot be read (a number that is not one, bad JSON) is an error for
 * that field.
 */

interface StateOption {
  value?: string;
  text?: { text?: string };
}

/** One element's state as Slack sends it. */
export interface SlackElementState {
  type?: string;
  value?: string | null;
  selected_option?: StateOption | null;
  selected_options?: StateOption[] | null;
  selected_date?: string | null;
}

export type SlackStateValues = Record<string, Record<string, SlackElementState>>;

export interface ParsedPage {
  /** The page's values: inactive conditional fields are left out, hidden and read-only fields keep their value or default. */
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/** The one element of a block (every input block holds exactly one). */
const elementOf = (state: SlackStateValues, blockId: string): SlackElementState | undefined => Object.values(state[blockId] ?? {})[0];

const textOf = (element: SlackElementState | undefined): string | undefined => {
  const value = element?.value ?? element?.selected_option?.value ?? undefined;
  return value === undefined || value === null || value.trim() === '' ? undefined : value;
};

const optionValue = (field: FormField, key: string | undefined): unknown => {
  if (key === undefined) return undefined;
  return field.options?.[Number(key)]?.value;
};

type Read = { value?: unknown; error?: string };

const readNumber = (field: FormField, text: string | undefined): Read => {
  if (text === undefined) return {};
  const number = Number(text.trim());
  return Number.isFinite(number) ? { value: number } : { error: `${field.label} must be a number.` };
};

/** An unsupported field's stand-in text: a string, lines for a list of strings, JSON otherwise. */
const readStandIn = (field: FormField, text: string | undefined): Read => {
  if (text === undefined) return {};
  if (field.valueType === 'string' || field.valueType === undefined) return { value: text };
  if (field.valueType === 'array' && field.note?.includes('one item per line')) {
    return {
      value: text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    };
  }
  if (field.valueType === 'number' || field.valueType === 'integer') return readNumber(field, text);
  try {
    // A secret inside comes back blank after Back (views never hold one): blank is no value, so `required` asks.
    return { value: dropBlankSecretsInside(field.schema, JSON.parse(text) as unknown) };
  } catch {
    return { error: `${field.label}: this is not valid JSON. Write it as JSON, e.g. ${field.valueType === 'array' ? '["a", "b"]' : '{"key": "value"}'}.` };
  }
};

const readRepoUrl = (field: FormField, state: SlackStateValues): Read => {
  const fixedHost = field.repoUrl?.allowedHosts.length === 1 ? field.repoUrl.allowedHosts[0] : undefined;
  const host = fixedHost ?? textOf(elementOf(state, `${field.name}.host`))?.trim();
  const owner = textOf(elementOf(state, `${field.name}.owner`))?.trim();
  const repo = textOf(elementOf(state, field.name))?.trim();
  if (!owner && !repo) return {};
  if (!host) return { error: `${field.label}: choose the host the repository goes to.` };
  return { value: formatRepoUrl({ host, ...(owner ? { owner } : {}), ...(repo ? { repo } : {}) }) };
};

const readField = (field: FormField, state: SlackStateValues, previous: Readonly<Record<string, unknown>>): Read => {
  const element = elementOf(state, field.name);
  switch (field.kind) {
    case 'number':
      return readNumber(field, textOf(element));
    case 'checkbox':
      return { value: (element?.selected_options ?? []).length > 0 };
    case 'static-select':
    case 'external-select':
    case 'multi-select':
      if (field.multiple)
        return { value: (element?.selected_options ?? []).map((option) => optionValue(field, option.value)).filter((value) => value !== undefined) };
      return { value: optionValue(field, element?.selected_option?.value) };
    case 'multi-entity-picker':
    case 'entity-tags-picker': {
      const values = (element?.selected_options ?? []).flatMap((option) => (option.value ? [option.value] : []));
      return values.length > 0 ? { value: values } : {};
    }
    case 'date':
      return { value: element?.selected_date ?? undefined };
    case 'repo-url':
      return readRepoUrl(field, state);
    case 'unsupported':
      return readStandIn(field, textOf(element));
    case 'password':
      // Secrets are never written back into a view, so an empty input on a revisited page keeps the one given before.
      return { value: textOf(element) ?? previous[field.name] };
    case 'context':
      return {};
    default:
      return { value: textOf(element) };
  }
};

export const parseTemplateFormValues = (page: FormPage, state: SlackStateValues, previous: Readonly<Record<string, unknown>> = {}): ParsedPage => {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of page.fields) {
    if (field.hidden || field.readonly) {
      const kept = previous[field.name] ?? field.default;
      if (kept !== undefined) values[field.name] = kept;
      continue;
    }
    const read = readField(field, state, previous);
    if (read.error) errors[field.name] = read.error;
    else if (read.value !== undefined) values[field.name] = read.value;
  }
  // Conditions are judged on the values just submitted, so a field whose controller changed drops out.
  for (const field of page.fields) if (!isFieldActive(field, { ...previous, ...values })) delete values[field.name];
  return { values, errors };
};

/** The values so far with this page's answers replaced: a field cleared on the page no longer holds its old value. */
export const mergePageValues = (
  previous: Readonly<Record<string, unknown>>,
  page: FormPage,
  pageValues: Readonly<Record<string, unknown>>,
): Record<string, unknown> => {
  const merged: Record<string, unknown> = { ...previous };
  for (const field of page.fields) delete merged[field.name];
  return { ...merged, ...pageValues };
};
