import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ScaffolderClient } from './chat-client.ts';

type ActionMiddlewareArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** What the scaffolder's button listeners read of Bolt's block action arguments; Bolt's full arguments fit. */
export interface ScaffolderActionArgs extends Pick<ActionMiddlewareArgs, 'ack' | 'action'> {
  body: {
    user: Pick<BlockAction['user'], 'id'>;
    trigger_id?: BlockAction['trigger_id'];
    response_url?: BlockAction['response_url'];
    /** The channel of the message clicked (absent for modal clicks). */
    channel?: Pick<NonNullable<BlockAction['channel']>, 'id'>;
    /** The message clicked: its ts, to edit it or reply in its thread. */
    message?: Pick<NonNullable<BlockAction['message']>, 'ts'>;
    /** The modal clicked in (Back, a field that redraws the page). */
    view?: Pick<NonNullable<BlockAction['view']>, 'id' | 'hash' | 'private_metadata' | 'state'>;
  };
  respond?: ActionMiddlewareArgs['respond'];
  client: ScaffolderClient;
}

/** A clicked button's value (a template ref, a run id); values can be forged, so they are only ever looked up. */
export const buttonValue = (action: ScaffolderActionArgs['action']): string | undefined =>
  'value' in action && typeof action.value === 'string' ? action.value : undefined;
