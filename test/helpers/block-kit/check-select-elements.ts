import {
  checkArray,
  checkBoolean,
  checkInteger,
  checkKnownKeys,
  checkString,
  childPath,
  isRecord,
  report,
  type JsonObject,
  type LimitsContext,
} from './limits-context.ts';
import { checkOption, checkOptionGroups, checkOptions, sameOption, type OptionKind } from './check-text-objects.ts';
import type { ElementSpec, Placement } from './check-elements.ts';

/** Select menus, checkboxes and radio buttons: option lists, initial values and multi-select limits (§4.4). */

const MENUS: readonly Placement[] = ['actions', 'accessory', 'input'];
const SELECT_KEYS = ['type', 'action_id', 'confirm', 'focus_on_load', 'placeholder'];
const MULTI_KEYS = [...SELECT_KEYS, 'max_selected_items'];

export const SELECT_ELEMENT_SPECS: Record<string, ElementSpec> = {
  static_select: { keys: [...SELECT_KEYS, 'options', 'option_groups', 'initial_option'], placements: MENUS, check: checkStaticSelect },
  multi_static_select: { keys: [...MULTI_KEYS, 'options', 'option_groups', 'initial_options'], placements: MENUS, check: checkStaticSelect },
  external_select: { keys: [...SELECT_KEYS, 'initial_option', 'min_query_length'], placements: MENUS, check: checkExternalSelect },
  multi_external_select: { keys: [...MULTI_KEYS, 'initial_options', 'min_query_length'], placements: MENUS, check: checkExternalSelect },
  users_select: { keys: [...SELECT_KEYS, 'initial_user'], placements: MENUS, check: checkIdSelect('initial_user') },
  multi_users_select: { keys: [...MULTI_KEYS, 'initial_users'], placements: MENUS, check: checkIdSelect('initial_users') },
  conversations_select: {
    keys: [...SELECT_KEYS, 'initial_conversation', 'default_to_current_conversation', 'response_url_enabled', 'filter'],
    placements: MENUS,
    check: checkIdSelect('initial_conversation'),
  },
  multi_conversations_select: {
    keys: [...MULTI_KEYS, 'initial_conversations', 'default_to_current_conversation', 'filter'],
    placements: MENUS,
    check: checkIdSelect('initial_conversations'),
  },
  channels_select: { keys: [...SELECT_KEYS, 'initial_channel', 'response_url_enabled'], placements: MENUS, check: checkIdSelect('initial_channel') },
  multi_channels_select: { keys: [...MULTI_KEYS, 'initial_channels'], placements: MENUS, check: checkIdSelect('initial_channels') },
};

/** checkboxes (initial_options) and radio_buttons (initial_option): 1..10 options, text may be mrkdwn. */
export function checkChoiceElement(ctx: LimitsContext, el: JsonObject, path: string): void {
  const options = checkOptions(ctx, el, path, 'choice', { min: 1, max: 10, required: true });
  checkInitialOptions(ctx, el, path, options, 'choice');
}

/** static selects: exactly one of options (1..100) or option_groups (1..100 groups of 1..100 options). */
function checkStaticSelect(ctx: LimitsContext, el: JsonObject, path: string): void {
  const hasOptions = el.options !== undefined;
  if (hasOptions === (el.option_groups !== undefined)) report(ctx, path, `${String(el.type)} needs exactly one of options or option_groups`);
  const options = hasOptions ? checkOptions(ctx, el, path, 'select', { min: 1, max: 100 }) : checkOptionGroups(ctx, el, path);
  checkInitialOptions(ctx, el, path, options, 'select');
  checkInteger(ctx, el, 'max_selected_items', path, { min: 1 });
}

/** external selects: options come from block_suggestion, so initial options are only shape-checked. */
function checkExternalSelect(ctx: LimitsContext, el: JsonObject, path: string): void {
  checkInteger(ctx, el, 'min_query_length', path, { min: 0 });
  checkInteger(ctx, el, 'max_selected_items', path, { min: 1 });
  checkInitialOptions(ctx, el, path, undefined, 'select');
}

/**
 * initial_option / initial_options must be exact copies of listed options (Slack rejects the view otherwise).
 * `listed` undefined means the list is not known here (external selects).
 */
function checkInitialOptions(ctx: LimitsContext, el: JsonObject, path: string, listed: unknown[] | undefined, kind: OptionKind): void {
  const single = el.initial_option === undefined ? [] : [{ option: el.initial_option, at: childPath(path, 'initial_option') }];
  const many = (checkArray(ctx, el, 'initial_options', path, { min: 1, max: 100 }) ?? []).map((option, i) => ({
    option,
    at: childPath(childPath(path, 'initial_options'), i),
  }));
  for (const { option, at } of [...single, ...many]) {
    checkOption(ctx, option, at, kind);
    if (listed && !listed.some((candidate) => sameOption(candidate, option))) report(ctx, at, 'initial option must be one of the listed options');
  }
}

/** users/conversations/channels selects: initial ids, filter, and response_url_enabled only in a modal input block. */
function checkIdSelect(initialKey: string) {
  return (ctx: LimitsContext, el: JsonObject, path: string, placement: Placement): void => {
    if (initialKey.endsWith('s')) {
      const ids = checkArray(ctx, el, initialKey, path, { min: 1, max: 100 }) ?? [];
      ids.forEach((id, i) => {
        if (typeof id !== 'string' || id === '') report(ctx, childPath(childPath(path, initialKey), i), 'must be a non-empty id string');
      });
    } else {
      checkString(ctx, el, initialKey, path, { max: 255 });
    }
    checkInteger(ctx, el, 'max_selected_items', path, { min: 1 });
    checkBoolean(ctx, el, 'default_to_current_conversation', path);
    checkBoolean(ctx, el, 'response_url_enabled', path);
    if (el.response_url_enabled === true && !(placement === 'input' && ctx.surface === 'modal')) {
      report(ctx, childPath(path, 'response_url_enabled'), 'response_url_enabled is only allowed in an input block of a modal');
    }
    checkFilter(ctx, el, path);
  };
}

function checkFilter(ctx: LimitsContext, el: JsonObject, path: string): void {
  if (el.filter === undefined) return;
  const at = childPath(path, 'filter');
  if (!isRecord(el.filter)) return report(ctx, at, 'filter must be an object');
  checkKnownKeys(ctx, el.filter, at, ['include', 'exclude_external_shared_channels', 'exclude_bot_users'], 'a conversation filter');
  const include = checkArray(ctx, el.filter, 'include', at, { min: 1, max: 4 }) ?? [];
  include.forEach((kind, i) => {
    if (!['im', 'mpim', 'private', 'public'].includes(kind as string))
      report(ctx, childPath(childPath(at, 'include'), i), 'must be im, mpim, private or public');
  });
  checkBoolean(ctx, el.filter, 'exclude_external_shared_channels', at);
  checkBoolean(ctx, el.filter, 'exclude_bot_users', at);
}
