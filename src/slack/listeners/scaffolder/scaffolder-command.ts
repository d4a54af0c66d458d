import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Scaffolder } from '../../../scaffolder/scaffolder.ts';
import { parseScaffolderCommand } from '../../parse/parse-scaffolder-command.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { usageView } from '../../views/not-found-view.ts';
import { runsListView, scaffolderNoticeView } from '../../views/runs/runs-list-view.ts';
import { templateListView } from '../../views/runs/template-list-view.ts';
import { slackPayload, type SlackMessage } from '../../views/slack-message.ts';
import type { ScaffolderClient } from './chat-client.ts';
import { openTemplateForm } from './open-template-form.ts';
import { answerRegister } from './answer-register.ts';
import { requesterOf } from './requester.ts';
import { NOT_SET_UP } from './load-session.ts';

export interface ScaffolderCommandArgs extends Pick<SlackCommandMiddlewareArgs, 'ack' | 'respond'> {
  command: Pick<SlackCommandMiddlewareArgs['command'], 'command' | 'text' | 'user_id' | 'channel_id' | 'trigger_id'>;
  client: ScaffolderClient;
}

/** Templates the person may run matching the words; one that can run opens its form at once (the trigger lives 3 s). */
const answerCreate = async (deps: SlackDeps, scaffolder: Scaffolder, words: string, args: ScaffolderCommandArgs): Promise<SlackMessage | undefined> => {
  const requester = await requesterOf(deps, args.command.user_id);
  const templates = scaffolder.listTemplates(requester, words || undefined);
  const [only] = templates;
  if (templates.length !== 1 || !only?.canRun) return templateListView(templates, words);
  const opened = await openTemplateForm(deps, args.client, {
    triggerId: args.command.trigger_id,
    templateRef: only.ref,
    requester,
    channel: args.command.channel_id,
  });
  return opened.ok ? undefined : opened.message;
};

/**
 * `/create [words]`, `/callboard create | runs | register <url>`: ack at once, then the templates (or the form),
 * the recent runs, or the registration, answered privately.
 */
export const scaffolderCommand =
  (deps: SlackDeps) =>
  async (args: ScaffolderCommandArgs): Promise<void> => {
    await args.ack();
    const parsed = parseScaffolderCommand(args.command.command, args.command.text ?? '');
    const scaffolder = deps.scaffolder;
    let answer: SlackMessage | undefined;
    if (!parsed) answer = usageView(args.command.command, 'That is not a template command.');
    else if (parsed.kind === 'usage') answer = usageView(parsed.command, parsed.problem);
    else if (parsed.kind === 'register') answer = await answerRegister(deps, parsed.url, args.command.user_id);
    else if (!scaffolder) answer = scaffolderNoticeView(NOT_SET_UP);
    else if (parsed.kind === 'runs') answer = runsListView(scaffolder.runs({ limit: 20 }));
    else answer = await answerCreate(deps, scaffolder, parsed.words, args);
    if (answer) await args.respond(slackPayload(answer));
  };
