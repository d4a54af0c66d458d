import type { App, BlockAction } from '@slack/bolt';
import { ActionIds } from '../../ids.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { docsAction, onCallAction } from './card-actions.ts';
import { chooseEntityAction, entityAction, showOwnedAction } from './entity-actions.ts';
import { helpAction, homeProblemsAction, syncNowAction } from './home-actions.ts';
import type { HomeActionArgs } from '../bolt-args.ts';
import { shareAction } from './share-action.ts';
import { exportAction } from './export-action.ts';
import { pageAction } from './page-actions.ts';

/** Bolt's block action arguments fit every handler's, the Home tab's included. */
type Handler = (args: HomeActionArgs) => Promise<void>;

/** Every button and menu on Callboard's cards, routed by the action ids the views use. */
export const register = (app: App, deps: SlackDeps): void => {
  const handlers: Record<string, Handler> = {
    [ActionIds.showOwner]: entityAction(deps, 'owner'),
    [ActionIds.openEntity]: entityAction(deps, 'owner'),
    [ActionIds.showDeps]: entityAction(deps, 'deps'),
    [ActionIds.showDependents]: entityAction(deps, 'dependents'),
    [ActionIds.chooseEntity]: chooseEntityAction(deps),
    [ActionIds.shareInChannel]: shareAction(deps),
    [ActionIds.showDocs]: docsAction(deps),
    [ActionIds.showOnCall]: onCallAction(deps),
    [ActionIds.showOwned]: showOwnedAction(deps),
    [ActionIds.showProblems]: homeProblemsAction(deps),
    [ActionIds.showHelp]: helpAction(),
    [ActionIds.syncNow]: syncNowAction(deps),
  };
  for (const [actionId, handler] of Object.entries(handlers)) {
    app.action<BlockAction>({ type: 'block_actions', action_id: actionId }, handler);
  }
  // Paging and export read more of the click (where the message is) and of the client (chat.update, files).
  const paging = pageAction(deps);
  for (const actionId of [ActionIds.pagePrevious, ActionIds.pageNext, ActionIds.pageAllHops]) {
    app.action<BlockAction>({ type: 'block_actions', action_id: actionId }, paging);
  }
  app.action<BlockAction>({ type: 'block_actions', action_id: ActionIds.exportList }, exportAction(deps));
};
