import type { App } from '@slack/bolt';
import { SlashCommands } from '../../ids.ts';
import { parseScaffolderCommand } from '../../parse/parse-scaffolder-command.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { scaffolderCommand, type ScaffolderCommandArgs } from '../scaffolder/scaffolder-command.ts';
import { slashCommand } from './slash-command.ts';

/**
 * /owner, /deps, /find, /oncall, /callboard and /create: one thin handler per family. The template commands (`/create`,
 * `/callboard create | runs | register`) open modals or check admins, so they are told apart first.
 */
export const register = (app: App, deps: SlackDeps): void => {
  const answer = slashCommand(deps);
  const scaffold = scaffolderCommand(deps);
  const route = (args: ScaffolderCommandArgs) => (parseScaffolderCommand(args.command.command, args.command.text ?? '') ? scaffold(args) : answer(args));
  for (const command of Object.values(SlashCommands)) app.command(command, route);
};
