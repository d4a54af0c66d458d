import { InvalidInputError } from '../../../core/errors.ts';
import { isCallboardAdmin } from '../../../usecases/can-start-sync.ts';
import { escapeMrkdwn } from '../../mrkdwn.ts';
import type { SlackDeps } from '../../slack-deps.ts';
import { registeredView, scaffolderNoticeView } from '../../views/runs/runs-list-view.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import { requesterOf } from './requester.ts';

/**
 * `/callboard register <url>`: for Callboard admins (`slack.admins`) only, the repository or catalog file
 * becomes a catalog source, synced at once, exactly as `callboard register` and `catalog:register` do it. Only
 * remote URLs: a path on the server is `callboard register <path>`, on the server.
 */
export const answerRegister = async (deps: SlackDeps, url: string, slackUserId: string): Promise<SlackMessage> => {
  const identity = await deps.identity.identify(slackUserId);
  if (!isCallboardAdmin(deps.settings.admins, identity)) {
    deps.log.info({ slackUserId, email: identity.email }, 'register refused: not in slack.admins');
    return scaffolderNoticeView('Only Callboard admins (`slack.admins` in callboard.yaml) may register catalog sources. Ask one of them.', ':no_entry:');
  }
  if (!deps.registrar) return scaffolderNoticeView('Registering catalog sources is not set up in this Callboard.');
  const requester = await requesterOf(deps, slackUserId);
  try {
    return registeredView(await deps.registrar.register(url, requester.userRef ?? requester.fallbackId, { origin: 'slack' }));
  } catch (error) {
    if (error instanceof InvalidInputError) return scaffolderNoticeView(escapeMrkdwn(error.message), ':warning:');
    throw error;
  }
};
