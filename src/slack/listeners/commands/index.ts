import type { App } from '@slack/bolt';
import { SlashCommands } from '../../ids.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { slashCommand } from './slash-command.ts';

/** /owner, /deps, /find and /callboard: one thin handler, the parser tells them apart. */
export const register = (app: App, deps: SlackDeps): void => {
  const handler = slashCommand(deps);
  for (const command of Object.values(SlashCommands)) app.command(command, handler);
};
