import type { App } from '@slack/bolt';
import { SlashCommands } from '../../ids.ts';
import { parseScaffolderCommand } from '../../parse/parse-scaffolder-command.ts';
import { parseScheduleCommand } from '../../parse/parse-schedule-command.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { scaffolderCommand, type ScaffolderCommandArgs } from '../scaffolder/scaffolder-command.ts';
import { scheduleCommand, type ScheduleCommandArgs } from '../schedules/schedule-command.ts';
import { slashCommand } from './slash-command.ts';

/**
 * /owner, /deps, /find, /oncall, /callboard and /create: one thin handler per family. The template commands (`/create`,
 * `/callboard create | runs | register`) open modals or check admins, so they are told apart first.
 */
export const register = (app: App, deps: SlackDeps): void => {
  const answer = slashCommand(deps);
  const scaffold = scaffolderCommand(deps);
  const schedules = deps.schedules ? scheduleCommand(deps.schedules, deps.store) : undefined;
  const route = (args: ScaffolderCommandArgs & ScheduleCommandArgs) => {
    // `/callboard subscribe | unsubscribe | schedules` (scheduled posts), when the composition root set them up.
    const scheduled = schedules ? parseScheduleCommand(args.command.command, args.command.text ?? '') : undefined;
    if (scheduled && schedules) return schedules(scheduled, args);
    return parseScaffolderCommand(args.command.command, args.command.text ?? '') ? scaffold(args) : answer(args);
  };
  for (const command of Object.values(SlashCommands)) app.command(command, route);
};
