import { parseSlashCommand } from '../../parse/parse-slash-command.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { shortHelpView } from '../../views/help-view.ts';
import { slackPayload } from '../../views/slack-message.ts';
import { answerParsed } from '../answers/answer-request.ts';
import type { CommandArgs } from '../bolt-args.ts';

/**
 * Every slash command: ack at once, then parse → use case → view, answered privately through
 * response_url. Help is the three-line help with its More button; a sync's "started" message is
 * replaced by its summary.
 */
export const slashCommand =
  (deps: SlackDeps) =>
  async ({ ack, command, respond }: CommandArgs): Promise<void> => {
    await ack();
    const parsed = parseSlashCommand(command.command, command.text ?? '');
    if (parsed.ok && parsed.request.kind === 'help') return void (await respond(shortHelpView()));
    const answer = await answerParsed(deps, parsed, command.user_id, { onProgress: (message) => respond(slackPayload(message)) });
    const replacesProgress = parsed.ok && parsed.request.kind === 'sync';
    await respond(replacesProgress ? { ...slackPayload(answer), replace_original: true } : slackPayload(answer));
  };
