import type { Config } from '../../config/load-config.ts';
import { checkDocsAccessConfig, docsAccessMode } from './check-docs-access-config.ts';
import { createDocsAccess, type DocsAccessDeps } from './create-docs-access.ts';
import type { DocsAccess } from './docs-access.ts';
import { loadSessionKey } from './session-key.ts';
import type { SessionRevocations } from './session-revocations.ts';

export interface OpenDocsAccessOptions {
  env: NodeJS.ProcessEnv;
  /** Signed-out sessions, in the catalog database (`runtime.revokedSessions`). */
  revocations: SessionRevocations;
  log?: DocsAccessDeps['log'];
}

/**
 * The docs sign-in gate as `npm start` builds it: secrets from `env` (SLACK_CLIENT_SECRET, CALLBOARD_SESSION_SECRET),
 * the generated session key beside the database. Mount `routes` on the server and pass the gate to the docs routes.
 */
export const openDocsAccess = (config: Pick<Config, 'http' | 'database'>, { env, revocations, log }: OpenDocsAccessOptions): DocsAccess => {
  checkDocsAccessConfig(config, env);
  if (docsAccessMode(config.http) !== 'slack') return createDocsAccess(config);
  return createDocsAccess(config, {
    ...(env.SLACK_CLIENT_SECRET ? { clientSecret: env.SLACK_CLIENT_SECRET } : {}),
    sessionKey: loadSessionKey({ env, databasePath: config.database.path }),
    revocations,
    ...(log ? { log } : {}),
  });
};
