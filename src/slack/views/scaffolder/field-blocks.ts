import type { InputBlock, InputBlockElement, KnownBlock, PlainTextOption } from '@slack/types';
import type { FormField } from '../../../core/scaffolder/form/form-model.ts';
import { parseRepoUrl } from '../../../core/scaffolder/form/repo-url-value.ts';
import { formatFieldValue } from '../../../core/scaffolder/form/review-entries.ts';
import { hasSecretsInside } from '../../../core/scaffolder/form/secrets-inside.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { contextBlock, Limits, plainText } from '../blocks.ts';
import { fieldActionId, fieldElement } from './field-element.ts';

/**
 * The blocks one field takes on a page. The input's `block_id` is the field name, so `response_action: errors`
 * keyed by field lands under the right input. A repository field takes up to three inputs: host (`<name>.host`),
 * owner (`<name>.owner`) and the repository name, which carries the field name and so its errors.
 */

const LABEL_CHARS = 2000;
const HINT_CHARS = 2000;

export const repoBlockIds = (name: string) => ({ host: `${name}.host`, owner: `${name}.owner`, repo: name });

const inputBlock = (
  blockId: string,
  label: string,
  element: InputBlockElement,
  options: { hint?: string; optional: boolean; dispatch?: boolean },
): InputBlock => ({
  type: 'input',
  block_id: blockId,
  label: plainText(label, LABEL_CHARS),
  element,
  optional: options.optional,
  ...(options.hint ? { hint: plainText(options.hint, HINT_CHARS) } : {}),
  ...(options.dispatch ? { dispatch_action: true } : {}),
});

const choices = (values: readonly string[]): PlainTextOption[] =>
  values
    .filter((value) => value.length <= Limits.optionValue)
    .slice(0, Limits.options)
    .map((value) => ({ text: plainText(value, Limits.optionText), value }));

/** A static select over an allowed list, or a text input when the template allows anything. */
const partElement = (field: FormField, part: 'host' | 'owner' | 'repo', allowed: readonly string[], value: string | undefined): InputBlockElement => {
  const actionId = `${fieldActionId(field)}.${part}`;
  if (allowed.length > 0) {
    const options = choices(allowed);
    const initial = options.find((option) => option.value === value);
    return { type: 'static_select', action_id: actionId, options, ...(initial ? { initial_option: initial } : {}) };
  }
  return { type: 'plain_text_input', action_id: actionId, ...(value && value.length <= 3000 ? { initial_value: value } : {}) };
};

const repoUrlBlocks = (field: FormField, value: unknown): KnownBlock[] => {
  const settings = field.repoUrl ?? { allowedHosts: [], allowedOwners: [], allowedRepos: [] };
  const parts = typeof value === 'string' ? parseRepoUrl(value) : undefined;
  const ids = repoBlockIds(field.name);
  const blocks: KnownBlock[] = [];
  if (settings.allowedHosts.length === 1) {
    blocks.push(contextBlock([`${escapeMrkdwn(field.label)}: on *${escapeMrkdwn(settings.allowedHosts[0]!)}*`], ids.host));
  } else {
    const host = parts?.host ?? (settings.allowedHosts.length === 0 ? 'github.com' : undefined);
    blocks.push(inputBlock(ids.host, `${field.label}: host`, partElement(field, 'host', settings.allowedHosts, host), { optional: false }));
  }
  blocks.push(
    inputBlock(ids.owner, `${field.label}: owner`, partElement(field, 'owner', settings.allowedOwners, parts?.owner), {
      optional: false,
      hint: 'The organization or user that will own the repository.',
    }),
  );
  blocks.push(
    inputBlock(ids.repo, `${field.label}: repository name`, partElement(field, 'repo', settings.allowedRepos, parts?.repo), {
      optional: !field.required,
      ...(field.hint ? { hint: field.hint } : {}),
    }),
  );
  return blocks;
};

const hintOf = (field: FormField): string | undefined => {
  if (field.kind === 'password')
    return [field.hint, 'Slack shows what you type here; Callboard never stores or shows it. On Back, type it again.'].filter(Boolean).join('\n');
  if (field.kind === 'unsupported' && hasSecretsInside(field.schema))
    return [field.hint, 'Passwords inside are left empty ("") when this page is shown again: type them again. Callboard never stores or shows them.']
      .filter(Boolean)
      .join('\n');
  if (field.kind === 'entity-name') return [field.hint, 'Letters, digits, “-”, “_” and “.”; up to 63 characters.'].filter(Boolean).join('\n');
  return field.hint;
};

export const fieldBlocks = (field: FormField, value: unknown): KnownBlock[] => {
  if (field.hidden) return [];
  if (field.readonly)
    return [contextBlock([`*${escapeMrkdwn(field.label)}:* ${escapeMrkdwn(formatFieldValue(field, value))}  _(set by the template)_`], field.name)];
  if (field.kind === 'context') return field.note ? [contextBlock([escapeMrkdwn(field.note)], field.name)] : [];
  if (field.kind === 'repo-url') return repoUrlBlocks(field, value);
  const element = fieldElement(field, value);
  if (!element) return [];
  const hint = hintOf(field);
  // Slack makes a non-optional checkbox or multi-select demand a tick; JSON Schema's `required` accepts false and [].
  const optional = !field.required || field.kind === 'checkbox' || field.multiple;
  const input = inputBlock(field.name, field.label, element, { optional, ...(hint ? { hint } : {}), dispatch: field.controlsOthers });
  if (field.kind !== 'unsupported' || !field.note) return [input];
  return [contextBlock([`:warning: ${escapeMrkdwn(field.note)}`], `${field.name}.note`), input];
};
