import {
  checkActionId,
  checkArray,
  checkBoolean,
  checkEnum,
  checkInteger,
  checkKnownKeys,
  checkString,
  childPath,
  isRecord,
  report,
  type JsonObject,
  type LimitsContext,
} from './limits-context.ts';
import { checkConfirm, checkOptions, checkPlaceholder, checkTextField } from './check-text-objects.ts';
import { SELECT_ELEMENT_SPECS, checkChoiceElement } from './check-select-elements.ts';

/** Interactive elements (reference §4.4): which block may hold which element, and each element's own limits. */

/** Where an element sits: an actions block, a section accessory, or an input block. */
export type Placement = 'actions' | 'accessory' | 'input';

export interface ElementSpec {
  /** Every field the element may carry; anything else is rejected like Slack does. */
  keys: readonly string[];
  placements: readonly Placement[];
  check: (ctx: LimitsContext, element: JsonObject, path: string, placement: Placement) => void;
  /** Elements Slack requires an action_id on. */
  actionIdRequired?: boolean;
}

const MENUS: readonly Placement[] = ['actions', 'accessory', 'input'];
const INPUT_ONLY: readonly Placement[] = ['input'];
const TEXT_INPUT_KEYS = ['type', 'action_id', 'initial_value', 'dispatch_action_config', 'focus_on_load', 'placeholder'];

const ELEMENT_SPECS: Record<string, ElementSpec> = {
  button: {
    keys: ['type', 'text', 'action_id', 'url', 'value', 'style', 'confirm', 'accessibility_label'],
    placements: ['actions', 'accessory'],
    check: (ctx, el, path) => {
      checkTextField(ctx, el, 'text', path, { max: 75, plainOnly: true, required: true });
      checkString(ctx, el, 'value', path, { max: 2000 });
      checkString(ctx, el, 'url', path, { max: 3000 });
      checkEnum(ctx, el, 'style', path, ['primary', 'danger']);
      checkString(ctx, el, 'accessibility_label', path, { max: 75 });
    },
  },
  overflow: {
    keys: ['type', 'action_id', 'options', 'confirm'],
    placements: ['actions', 'accessory'],
    check: (ctx, el, path) => void checkOptions(ctx, el, path, 'overflow', { min: 1, max: 5, required: true }),
  },
  checkboxes: { keys: ['type', 'action_id', 'options', 'initial_options', 'confirm', 'focus_on_load'], placements: MENUS, check: checkChoiceElement },
  radio_buttons: { keys: ['type', 'action_id', 'options', 'initial_option', 'confirm', 'focus_on_load'], placements: MENUS, check: checkChoiceElement },
  datepicker: {
    keys: ['type', 'action_id', 'initial_date', 'confirm', 'focus_on_load', 'placeholder'],
    placements: MENUS,
    check: (ctx, el, path) => checkPattern(ctx, el, 'initial_date', path, /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'YYYY-MM-DD'),
  },
  timepicker: {
    keys: ['type', 'action_id', 'initial_time', 'confirm', 'focus_on_load', 'placeholder', 'timezone'],
    placements: MENUS,
    check: (ctx, el, path) => checkPattern(ctx, el, 'initial_time', path, /^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'),
  },
  datetimepicker: {
    keys: ['type', 'action_id', 'initial_date_time', 'confirm', 'focus_on_load'],
    placements: ['actions', 'input'],
    check: (ctx, el, path) => void checkInteger(ctx, el, 'initial_date_time', path, { min: 0, max: 9_999_999_999 }),
  },
  plain_text_input: {
    keys: [...TEXT_INPUT_KEYS, 'multiline', 'min_length', 'max_length'],
    placements: INPUT_ONLY,
    check: checkPlainTextInput,
  },
  email_text_input: { keys: TEXT_INPUT_KEYS, placements: INPUT_ONLY, check: checkTextInput },
  url_text_input: { keys: TEXT_INPUT_KEYS, placements: INPUT_ONLY, check: checkTextInput },
  number_input: { keys: [...TEXT_INPUT_KEYS, 'is_decimal_allowed', 'min_value', 'max_value'], placements: INPUT_ONLY, check: checkNumberInput },
  // rich_text_input is accepted loosely: its initial_value is a rich_text block, which this checker does not model.
  rich_text_input: { keys: TEXT_INPUT_KEYS, placements: INPUT_ONLY, check: checkDispatchConfig, actionIdRequired: true },
  file_input: {
    keys: ['type', 'action_id', 'filetypes', 'max_files'],
    placements: INPUT_ONLY,
    check: (ctx, el, path) => {
      if (ctx.surface !== 'modal') report(ctx, path, 'file_input is only allowed in modals');
      checkArray(ctx, el, 'filetypes', path, { min: 1, max: 1000 });
      checkInteger(ctx, el, 'max_files', path, { min: 1, max: 10 });
    },
  },
  ...SELECT_ELEMENT_SPECS,
};

/** Checks one interactive element in its placement; unknown types and misplaced elements are violations. */
export function checkElement(ctx: LimitsContext, element: unknown, path: string, placement: Placement): void {
  if (!isRecord(element)) {
    report(ctx, path, 'must be an element object with a type');
    return;
  }
  const type = String(element.type);
  const spec = ELEMENT_SPECS[type];
  if (!spec) {
    report(ctx, childPath(path, 'type'), `unknown or unsupported element type "${type}"`);
    return;
  }
  if (!spec.placements.includes(placement)) {
    report(ctx, childPath(path, 'type'), `${type} is not allowed in ${placementName(placement)}`);
  }
  checkKnownKeys(ctx, element, path, spec.keys, `a ${type} element`);
  checkActionId(ctx, element, path, spec.actionIdRequired);
  checkConfirm(ctx, element, path);
  checkPlaceholder(ctx, element, path);
  checkFocusOnLoad(ctx, element, path);
  spec.check(ctx, element, path, placement);
}

/** Image element (section accessory or context): image_url ≤3000 xor slack_file, alt_text 1..2000. */
export function checkImage(ctx: LimitsContext, image: JsonObject, path: string): void {
  checkString(ctx, image, 'alt_text', path, { max: 2000, required: true });
  const hasUrl = image.image_url !== undefined;
  const hasFile = image.slack_file !== undefined;
  if (hasUrl === hasFile) report(ctx, path, 'an image needs exactly one of image_url or slack_file');
  checkString(ctx, image, 'image_url', path, { max: 3000 });
  if (hasFile && !isRecord(image.slack_file)) report(ctx, childPath(path, 'slack_file'), 'slack_file must be an object ({ url } or { id })');
}

function placementName(placement: Placement): string {
  return { actions: 'an actions block', accessory: 'a section accessory', input: 'an input block' }[placement];
}

/** focus_on_load may be true on at most one element per view: Slack can only focus one. */
function checkFocusOnLoad(ctx: LimitsContext, element: JsonObject, path: string): void {
  checkBoolean(ctx, element, 'focus_on_load', path);
  if (element.focus_on_load !== true) return;
  ctx.focusOnLoad += 1;
  if (ctx.focusOnLoad > 1) report(ctx, childPath(path, 'focus_on_load'), 'focus_on_load may be true on only one element per view');
}

function checkPattern(ctx: LimitsContext, el: JsonObject, key: string, path: string, pattern: RegExp, format: string): void {
  const value = el[key];
  if (value !== undefined && (typeof value !== 'string' || !pattern.test(value))) report(ctx, childPath(path, key), `${key} must be ${format}`);
}

function checkTextInput(ctx: LimitsContext, el: JsonObject, path: string): void {
  checkString(ctx, el, 'initial_value', path, { min: 0, max: 3000 });
  checkDispatchConfig(ctx, el, path);
}

function checkDispatchConfig(ctx: LimitsContext, el: JsonObject, path: string): void {
  const config = el.dispatch_action_config;
  if (config === undefined) return;
  const at = childPath(path, 'dispatch_action_config');
  if (!isRecord(config)) return report(ctx, at, 'dispatch_action_config must be an object');
  checkKnownKeys(ctx, config, at, ['trigger_actions_on'], 'dispatch_action_config');
  const triggers = checkArray(ctx, config, 'trigger_actions_on', at, { min: 1, max: 2, required: true }) ?? [];
  triggers.forEach((trigger, i) => {
    if (trigger !== 'on_enter_pressed' && trigger !== 'on_character_entered') {
      report(ctx, childPath(childPath(at, 'trigger_actions_on'), i), 'must be on_enter_pressed or on_character_entered');
    }
  });
}

/** plain_text_input: min_length 0..3000, max_length 1..3000, min ≤ max, initial_value within max_length. */
function checkPlainTextInput(ctx: LimitsContext, el: JsonObject, path: string): void {
  checkTextInput(ctx, el, path);
  checkBoolean(ctx, el, 'multiline', path);
  const min = checkInteger(ctx, el, 'min_length', path, { min: 0, max: 3000 });
  const max = checkInteger(ctx, el, 'max_length', path, { min: 1, max: 3000 });
  if (min !== undefined && max !== undefined && min > max) report(ctx, childPath(path, 'min_length'), 'min_length must not exceed max_length');
  const initial = el.initial_value;
  if (typeof initial === 'string' && max !== undefined && initial.length > max) {
    report(ctx, childPath(path, 'initial_value'), `initial_value is longer than max_length ${max}`);
  }
}

/** number_input: is_decimal_allowed required; min/max/initial are numeric strings with min ≤ max. */
function checkNumberInput(ctx: LimitsContext, el: JsonObject, path: string): void {
  checkTextInput(ctx, el, path);
  if (typeof el.is_decimal_allowed !== 'boolean') report(ctx, childPath(path, 'is_decimal_allowed'), 'is_decimal_allowed (boolean) is required');
  const numeric = /^-?\d+(\.\d+)?$/;
  for (const key of ['initial_value', 'min_value', 'max_value']) checkPattern(ctx, el, key, path, numeric, 'a number written as a string');
  const [min, max] = [Number(el.min_value), Number(el.max_value)];
  if (el.min_value !== undefined && el.max_value !== undefined && min > max) report(ctx, childPath(path, 'min_value'), 'min_value must not exceed max_value');
}
