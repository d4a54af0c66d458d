import type { App } from '@slack/bolt';
import { CallbackIds } from '../../ids.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { findOwnerShortcut, type MessageShortcutArgs } from './find-owner-shortcut.ts';

/** The "Find owner" message shortcut (manifest `shortcuts[]`). */
export const register = (app: App, deps: SlackDeps): void => {
  const handler = findOwnerShortcut(deps);
  app.shortcut({ type: 'message_action', callback_id: CallbackIds.findOwnerShortcut }, (args) => handler(args as unknown as MessageShortcutArgs));
};
