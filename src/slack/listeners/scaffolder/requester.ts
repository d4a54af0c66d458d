import { entityRefOf } from '../../../core/catalog/refs.ts';
import type { Requester } from '../../../scaffolder/scaffolder.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/**
 * The person behind a Slack click as the scaffolder knows them: the catalog User whose email matches their
 * Slack profile (so `callboard.dev/allowed-groups` and `user.ref` work), else `slack:<id>`.
 */
export const requesterOf = async (deps: Pick<SlackDeps, 'identity'>, slackUserId: string): Promise<Requester> => {
  const identity = await deps.identity.identify(slackUserId);
  return {
    ...(identity.user ? { userRef: entityRefOf(identity.user) } : {}),
    slackUserId,
    fallbackId: `slack:${slackUserId}`,
  };
};
