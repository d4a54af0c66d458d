import { findOnCall, type OnCallAnswer } from '../../../usecases/oncall/find-oncall.ts';
import type { SlackDeps } from '../../slack-deps.ts';

/** How long an answer waits for the asker's time zone before writing times in UTC. */
const TIME_ZONE_BUDGET_MS = 800;

/** Who is on call for `ref` at `at`, within `oncall.timeoutMs`; nothing configured answers "none", never throws. */
export const lookUpOnCall = (deps: SlackDeps, ref: string, at: Date): Promise<OnCallAnswer> => {
  const settings = deps.oncall ?? { providers: [], timeoutMs: 0 };
  return findOnCall(
    {
      catalog: deps.store,
      providers: settings.providers,
      timeoutMs: settings.timeoutMs,
      slackIdsByEmail: (emails) => deps.directory.slackIdsByEmail(emails, { budgetMs: settings.timeoutMs }),
      logError: (error, context) => deps.log.error({ err: error, ...context }, 'on-call lookup failed unexpectedly'),
    },
    ref,
    at,
  );
};

/** The asker's time zone (users.info), within a short budget; undefined means the answer writes UTC and says so. */
export const askerTimeZone = (deps: SlackDeps, askerId: string | undefined): Promise<string | undefined> =>
  deps.timeZones.of(askerId, { budgetMs: TIME_ZONE_BUDGET_MS });
