import type { Logger } from 'pino';
import type { CatalogReader } from '../core/ports.ts';
import type { SyncPassQueue } from '../usecases/sync/sync-pass-queue.ts';
import { MemberDirectory } from './member-directory.ts';
import { SlackIdentity } from './slack-identity.ts';
import type { SlackUserApi } from './slack-user-api.ts';

/** The Slack app's own settings from callboard.yaml (`slack:`). */
export interface SlackSettings {
  /** Emails and group refs allowed to start a sync by hand; `*` is everyone, empty is nobody. */
  syncAllowed: readonly string[];
  /** Base URL of Callboard's pages; links under it unfurl as entity cards. */
  callboardUrl?: string;
}

/** The catalog side Slack needs, built by the composition root. */
export interface CatalogDeps {
  store: CatalogReader;
  sync: Pick<SyncPassQueue, 'syncAll'>;
  settings: SlackSettings;
  log: Logger;
}

/** Everything a listener may use; passed in, never imported. */
export interface SlackDeps extends CatalogDeps {
  identity: SlackIdentity;
  directory: MemberDirectory;
}

/** Adds the Slack-facing lookups (who is asking, who members are in Slack) on top of the catalog. */
export const buildSlackDeps = (catalog: CatalogDeps, users: SlackUserApi): SlackDeps => ({
  ...catalog,
  identity: new SlackIdentity(catalog.store, users, { log: catalog.log }),
  directory: new MemberDirectory(users, { log: catalog.log }),
});
