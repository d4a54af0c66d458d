import { parseSlashCommand } from '../../parse/parse-slash-command.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { answerParsed } from '../answers/answer-request.ts';
import type { CommandArgs } from '../bolt-args.ts';

/**
 * Every slash command: ack at once, then parse → use case → view, answered through response_url.
 * A sync's "started" message is replaced by its summary.
 */
export const slashCommand =
  (deps: SlackDeps) =>
  async ({ ack, command, respond }: CommandArgs): Promise<void> => {
    await ack();
    const parsed = parseSlashCommand(command.command, command.text ?? '');
    const answer = await answerParsed(deps, parsed, command.user_id, { onProgress: (message) => respond(message) });
    const replacesProgress = parsed.ok && parsed.request.kind === 'sync';
    await respond(replacesProgress ? { ...answer, replace_original: true } : answer);
  };
