import type { App, MessageShortcut } from '@slack/bolt';
import { CallbackIds } from '../../ids.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { findOwnerShortcut } from './find-owner-shortcut.ts';

/** The "Find owner" message shortcut (manifest `shortcuts[]`). */
export const register = (app: App, deps: SlackDeps): void => {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: CallbackIds.findOwnerShortcut }, findOwnerShortcut(deps));
};
