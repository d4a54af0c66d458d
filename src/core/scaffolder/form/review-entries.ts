import type { FormField, FormPage } from './form-model.ts';
import { parseRepoUrl } from './repo-url-value.ts';
import { isFieldActive } from './build-form-model.ts';
import { maskInsideValue, SECRET_MASK } from './shown-value.ts';

/**
 * The values as the review page lists them: in form order, labelled, enum values shown by their labels, and
 * masked or left out where the template says (`ui:backstage.review`, password widgets, secrets).
 */

export interface ReviewEntry {
  name: string;
  label: string;
  /** Plain text (not yet escaped for mrkdwn). */
  text: string;
}

const labelOfOption = (field: FormField, value: unknown): string => field.options?.find((option) => option.value === value)?.label ?? String(value);

export const formatFieldValue = (field: FormField, value: unknown): string => {
  if (value === undefined || value === null || value === '') return '–';
  if (field.kind === 'repo-url' && typeof value === 'string') {
    const parts = parseRepoUrl(value);
    return parts ? [parts.host, parts.owner, parts.repo].filter(Boolean).join('/') : value;
  }
  if (Array.isArray(value))
    return value.length === 0 ? '–' : value.map((entry) => (field.options ? labelOfOption(field, entry) : formatPlain(entry))).join(', ');
  if (field.options) return labelOfOption(field, value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return formatPlain(value);
};

const formatPlain = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export const reviewEntries = (pages: readonly FormPage[], values: Readonly<Record<string, unknown>>): ReviewEntry[] =>
  pages.flatMap((page) =>
    page.fields
      .filter((field) => field.kind !== 'context' && field.review.show && isFieldActive(field, values))
      .filter((field) => values[field.name] !== undefined)
      .map((field) => ({
        name: field.name,
        label: field.label,
        text:
          field.review.mask !== undefined || field.secret
            ? (field.review.mask ?? SECRET_MASK)
            : formatFieldValue(field, maskInsideValue(field.schema, values[field.name])),
      })),
  );
