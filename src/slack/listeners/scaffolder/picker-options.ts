import type { SlackOptionsMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../slack-deps.ts';
import { loadSession } from './load-session.ts';

type BlockSuggestionArgs = SlackOptionsMiddlewareArgs<'block_suggestion'>;

/** What the options listener reads of Bolt's block_suggestion arguments; Bolt's full arguments fit. */
export interface OptionsArgs {
  ack: BlockSuggestionArgs['ack'];
  body: Pick<BlockSuggestionArgs['body'], 'action_id' | 'block_id' | 'value'> & { view?: { private_metadata?: string } };
}

/**
 * Typing in an external select of a template form (catalog pickers, enums too long for a static select): the
 * options that match, from the catalog, as the field's `catalogFilter` allows. An unknown form gets no options.
 */
export const pickerOptionsListener = (deps: SlackDeps) => async (args: OptionsArgs) => {
  const loaded = loadSession(deps, args.body.view?.private_metadata);
  if (!loaded.ok) return args.ack({ options: [] });
  const { session, definition } = loaded;
  const options = deps.scaffolding.views.pickerOptions({
    catalog: deps.store,
    definition,
    page: session.page,
    values: session.values,
    actionId: args.body.action_id,
    blockId: args.body.block_id,
    text: args.body.value,
    requester: session.requester,
  });
  await args.ack({ options });
};
