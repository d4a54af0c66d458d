import {
  checkArray,
  checkBoolean,
  checkEnum,
  checkKnownKeys,
  checkString,
  childPath,
  isRecord,
  report,
  type JsonObject,
  type LimitsContext,
} from './limits-context.ts';

/** Composition objects: text, confirm dialogs, options and option groups (reference §4.2). */

export interface TextRule {
  /** Maximum length of `text`; never above 3000, the limit of every text object. */
  max: number;
  /** Only `plain_text` accepted (headers, labels, button text, titles, placeholders). */
  plainOnly?: boolean;
}

/** A text object: plain_text or mrkdwn, 1..max characters; emoji only on plain_text, verbatim only on mrkdwn. */
export function checkTextObject(ctx: LimitsContext, value: unknown, path: string, rule: TextRule): void {
  if (!isRecord(value)) {
    report(ctx, path, 'must be a text object ({ type, text })');
    return;
  }
  const type = value.type;
  if (type !== 'plain_text' && type !== 'mrkdwn') {
    report(ctx, childPath(path, 'type'), 'text object type must be plain_text or mrkdwn');
    return;
  }
  if (rule.plainOnly && type !== 'plain_text') report(ctx, childPath(path, 'type'), 'must be plain_text here, not mrkdwn');
  if (type === 'mrkdwn' && 'emoji' in value) report(ctx, childPath(path, 'emoji'), 'emoji is only allowed on plain_text');
  if (type === 'plain_text' && 'verbatim' in value) report(ctx, childPath(path, 'verbatim'), 'verbatim is only allowed on mrkdwn');
  checkKnownKeys(ctx, value, path, ['type', 'text', 'emoji', 'verbatim'], 'a text object');
  checkString(ctx, value, 'text', path, { max: Math.min(rule.max, 3000), required: true });
  checkBoolean(ctx, value, 'emoji', path);
  checkBoolean(ctx, value, 'verbatim', path);
}

/** Checks `value[key]` as a text object when present, or reports it missing when `required`. */
export function checkTextField(ctx: LimitsContext, value: JsonObject, key: string, path: string, rule: TextRule & { required?: boolean }): void {
  if (value[key] === undefined) {
    if (rule.required) report(ctx, childPath(path, key), `${key} is required`);
    return;
  }
  checkTextObject(ctx, value[key], childPath(path, key), rule);
}

/** Placeholders of inputs, selects and pickers: plain_text ≤150. */
export function checkPlaceholder(ctx: LimitsContext, element: JsonObject, path: string): void {
  checkTextField(ctx, element, 'placeholder', path, { max: 150, plainOnly: true });
}

/** Confirm dialog: title ≤100, text ≤300, confirm/deny ≤30, style primary|danger. */
export function checkConfirm(ctx: LimitsContext, element: JsonObject, path: string): void {
  const confirm = element.confirm;
  if (confirm === undefined) return;
  const at = childPath(path, 'confirm');
  if (!isRecord(confirm)) {
    report(ctx, at, 'confirm must be a confirmation dialog object');
    return;
  }
  checkKnownKeys(ctx, confirm, at, ['title', 'text', 'confirm', 'deny', 'style'], 'a confirmation dialog');
  checkTextField(ctx, confirm, 'title', at, { max: 100, plainOnly: true, required: true });
  checkTextField(ctx, confirm, 'text', at, { max: 300, required: true });
  checkTextField(ctx, confirm, 'confirm', at, { max: 30, plainOnly: true, required: true });
  checkTextField(ctx, confirm, 'deny', at, { max: 30, plainOnly: true, required: true });
  checkEnum(ctx, confirm, 'style', at, ['primary', 'danger']);
}

/** Where an option sits decides its shape: selects want plain_text, radio/checkboxes allow mrkdwn, overflow allows url. */
export type OptionKind = 'select' | 'choice' | 'overflow';

export function checkOption(ctx: LimitsContext, option: unknown, path: string, kind: OptionKind): void {
  if (!isRecord(option)) {
    report(ctx, path, 'must be an option object ({ text, value })');
    return;
  }
  const keys = kind === 'overflow' ? ['text', 'value', 'description', 'url'] : ['text', 'value', 'description'];
  checkKnownKeys(ctx, option, path, keys, `an option of ${kind === 'choice' ? 'checkboxes/radio_buttons' : `a ${kind}`}`);
  const plainOnly = kind !== 'choice';
  checkTextField(ctx, option, 'text', path, { max: 75, plainOnly, required: true });
  checkString(ctx, option, 'value', path, { max: 150, required: true });
  checkTextField(ctx, option, 'description', path, { max: 75, plainOnly });
  if (kind === 'overflow') checkString(ctx, option, 'url', path, { max: 3000 });
}

/** Checks an `options` array and returns its well-formed entries, for initial_option matching. */
export function checkOptions(
  ctx: LimitsContext,
  element: JsonObject,
  path: string,
  kind: OptionKind,
  range: { min: number; max: number; required?: boolean },
): unknown[] {
  const options = checkArray(ctx, element, 'options', path, range) ?? [];
  options.forEach((option, i) => checkOption(ctx, option, childPath(childPath(path, 'options'), i), kind));
  return options;
}

/** option_groups: ≤100 groups, label plain_text ≤75, each 1..100 options; returns every option in them. */
export function checkOptionGroups(ctx: LimitsContext, element: JsonObject, path: string): unknown[] {
  const groups = checkArray(ctx, element, 'option_groups', path, { min: 1, max: 100 }) ?? [];
  return groups.flatMap((group, i) => {
    const at = childPath(childPath(path, 'option_groups'), i);
    if (!isRecord(group)) {
      report(ctx, at, 'must be an option group ({ label, options })');
      return [];
    }
    checkKnownKeys(ctx, group, at, ['label', 'options'], 'an option group');
    checkTextField(ctx, group, 'label', at, { max: 75, plainOnly: true, required: true });
    return checkOptions(ctx, group, at, 'select', { min: 1, max: 100, required: true });
  });
}

/** Slack requires initial options to be exact copies of listed options; compare on the fields it renders. */
export function sameOption(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return false;
  const textOf = (option: JsonObject): unknown => (isRecord(option.text) ? option.text.text : undefined);
  return a.value === b.value && textOf(a) === textOf(b);
}
