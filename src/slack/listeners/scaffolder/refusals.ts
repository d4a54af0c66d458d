import { ConflictError, InvalidInputError, NotFoundError, PermissionError } from '../../../core/errors.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import { scaffolderNoticeView } from '../../views/runs/runs-list-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';

/**
 * What the scaffolder refused, in words for the person who asked: not allowed (a template outside their groups,
 * an approval by a non-approver), gone, already decided, or input it cannot take. Anything else is unexpected and
 * goes to the app's error handler.
 */
export const refusalOf = (error: unknown): SlackMessage | undefined => {
  if (error instanceof PermissionError) return scaffolderNoticeView(escapeMrkdwn(error.message), ':no_entry:');
  if (error instanceof NotFoundError) return scaffolderNoticeView(escapeMrkdwn(error.message), ':mag:');
  if (error instanceof ConflictError) return scaffolderNoticeView(escapeMrkdwn(error.message), ':information_source:');
  if (error instanceof InvalidInputError) return scaffolderNoticeView(escapeMrkdwn(error.message), ':warning:');
  return undefined;
};

/** Runs `work`; a refusal becomes `{ refused }`, anything else is thrown on. */
export const orRefusal = async <T>(work: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false; refused: SlackMessage }> => {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const refused = refusalOf(error);
    if (!refused) throw error;
    return { ok: false, refused };
  }
};
