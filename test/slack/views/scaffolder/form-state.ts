import type { SlackStateValues } from '../../../../src/slack/parse/template-form-values.ts';

/**
 * What Slack would send as `view.state.values` for a modal submitted untouched: each input's initial value, in the
 * shape of its element type. Lets a test go view → submission → values without a Slack fake.
 */
export const untouchedState = (view: { blocks: unknown[] }): SlackStateValues => {
  const state: SlackStateValues = {};
  for (const block of view.blocks as Array<Record<string, unknown>>) {
    if (block.type !== 'input') continue;
    const element = block.element as Record<string, unknown>;
    const type = String(element.type);
    const entry: Record<string, unknown> = { type };
    if (type === 'plain_text_input' || type === 'number_input') entry.value = element.initial_value ?? null;
    if (type === 'static_select' || type === 'external_select') entry.selected_option = element.initial_option ?? null;
    if (type.startsWith('multi_') || type === 'checkboxes') entry.selected_options = element.initial_options ?? [];
    if (type === 'datepicker') entry.selected_date = element.initial_date ?? null;
    state[String(block.block_id)] = { [String(element.action_id)]: entry };
  }
  return state;
};

/** Sets one input's state as if the person typed or chose it. */
export const withInput = (state: SlackStateValues, blockId: string, entry: Record<string, unknown>): SlackStateValues => {
  const [actionId] = Object.keys(state[blockId] ?? { input: {} });
  return { ...state, [blockId]: { [actionId ?? 'input']: { ...(Object.values(state[blockId] ?? {})[0] ?? {}), ...entry } } };
};
