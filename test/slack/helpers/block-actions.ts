import type { ButtonAction, StaticSelectAction } from '@slack/bolt';

/** A button click as Bolt passes it in `action`. */
export const buttonAction = (actionId: string, value: string): ButtonAction => ({
  type: 'button',
  action_id: actionId,
  block_id: 'b',
  action_ts: '1700000000.000300',
  text: { type: 'plain_text', text: 'Click' },
  value,
});

/** A static select (search results, chooser, Home entity menu) as Bolt passes it in `action`. */
export const selectAction = (actionId: string, value: string): StaticSelectAction => ({
  type: 'static_select',
  action_id: actionId,
  block_id: 'b',
  action_ts: '1700000000.000300',
  selected_option: { text: { type: 'plain_text', text: value }, value },
});
