import { isFieldActive } from '../../../core/scaffolder/form/build-form-model.ts';
import type { FormPage } from '../../../core/scaffolder/form/form-model.ts';

/**
 * Field errors as `response_action: errors` wants them: keyed by the block_id of an input block on the page.
 * Slack drops errors keyed by anything else, so an error about a field without an input here (hidden, a page-level
 * rule, a value from another page) is shown under the first input, naming the field, rather than lost.
 */
export const pageErrors = (
  page: FormPage,
  values: Readonly<Record<string, unknown>>,
  fieldErrors: Readonly<Record<string, string>>,
): Record<string, string> => {
  const inputs = page.fields.filter((field) => !field.hidden && !field.readonly && field.kind !== 'context' && isFieldActive(field, values));
  const onPage = new Set(inputs.map((field) => field.name));
  const errors: Record<string, string> = {};
  const stray: string[] = [];
  for (const [name, message] of Object.entries(fieldErrors)) {
    if (onPage.has(name)) errors[name] = message;
    else stray.push(name === '' || message.includes(name) ? message : `${name}: ${message}`);
  }
  const first = inputs[0];
  if (stray.length > 0 && first) {
    errors[first.name] = [errors[first.name], ...stray].filter(Boolean).join(' ').slice(0, 2000);
  }
  return errors;
};
