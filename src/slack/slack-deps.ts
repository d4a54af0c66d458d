import type { Logger } from 'pino';
import type { OnCallProvider } from '../core/oncall/on-call.ts';
import type { CatalogReader } from '../core/ports.ts';
import type { ScorecardResultsStore } from '../scorecards/results-store.ts';
import type { MessageRenderer } from '../scaffolder/messages/create-message-renderer.ts';
import type { Scaffolder } from '../scaffolder/scaffolder.ts';
import type { SourceRegistrar } from '../scaffolder/source-registrar.ts';
import type { PublishedDocs } from '../usecases/docs/docs-ports.ts';
import type { IncidentCardLedger } from '../usecases/incidents/incident-card-ledger.ts';
import type { SyncPassQueue } from '../usecases/sync/sync-pass-queue.ts';
import { ChannelDirectory } from './channel-directory.ts';
import { createScaffolderSlack, type ScaffolderSlack } from './listeners/scaffolder/scaffolder-slack.ts';
import type { ScheduleCommandDeps } from './listeners/schedules/schedule-command.ts';
import { templateFormViews } from './listeners/scaffolder/template-form-views.ts';
import { MemberDirectory } from './member-directory.ts';
import { noChannelApi, type SlackChannelApi } from './slack-channel-api.ts';
import { SlackIdentity } from './slack-identity.ts';
import { SlackTimeZones } from './slack-time-zones.ts';
import type { SlackUserApi } from './slack-user-api.ts';

/** The Slack app's own settings from callboard.yaml (`slack:`). */
export interface SlackSettings {
  /** Emails and group refs allowed to start a sync by hand; `*` is everyone, empty is nobody. */
  syncAllowed: readonly string[];
  /** Base URL of Callboard's pages; links under it unfurl as entity cards. */
  callboardUrl?: string;
  /** The PagerDuty account's web address (`https://acme.pagerduty.com`); On-call buttons open service pages under it. */
  pagerdutyUrl?: string;
  /** Callboard admins (emails and group refs, as syncAllowed); they may list every team's problems. None by default. */
  admins?: readonly string[];
  /** What a link into a catalogued repository that is not the entity itself unfurls as; 'context' when absent. */
  unfurl?: { otherLinks: 'context' | 'none' };
}

/** Who-is-on-call lookups (src/oncall-runtime.ts builds the providers from config). */
export interface OnCallSettings {
  /** PagerDuty when PAGERDUTY_TOKEN is set, built-in rotations always. */
  providers: readonly OnCallProvider[];
  /** `oncall.timeoutMs`: how long an answer or a card waits for on-call before saying it is unavailable. */
  timeoutMs: number;
}

/** Incident channels (`incidents:` in callboard.yaml): which channels get context cards, and the cards already posted. */
export interface IncidentSettings {
  /** `incidents.channelPatterns`, compiled: a channel created or renamed to match gets cards unasked. */
  channelPatterns: readonly RegExp[];
  /** `incidents.blastRadiusDepth`. */
  blastRadiusDepth: number;
  /** One card per (channel, entity), across retries, restarts and processes. */
  ledger: IncidentCardLedger;
}

/** The catalog side Slack needs, built by the composition root. */
export interface CatalogDeps {
  store: CatalogReader;
  sync: Pick<SyncPassQueue, 'syncAll'>;
  settings: SlackSettings;
  log: Logger;
  /** Software templates (`/create`, `/callboard runs`); without it those commands say templates are not set up. */
  scaffolder?: Scaffolder;
  /** `/callboard register <url>` (admins only); without it the command says registering is not set up. */
  registrar?: SourceRegistrar;
  /** Run progress, results and approval requests from templates/messages/ (and the admin's overrides); built-in wording without it. */
  messages?: MessageRenderer;
  /** `/callboard subscribe | unsubscribe | schedules`; without it those words get the usual unknown-command answer. */
  schedules?: ScheduleCommandDeps;
  /** Keeps where a run's progress message was posted with the run (RunRecord.slack), so it is edited again after a restart. */
  recordRunThread?: (runId: string, posted: { channel: string; ts: string }) => void;
  /** On-call lookups for `/oncall`, cards and App Home; without it every answer says no on-call is configured. */
  oncall?: OnCallSettings;
  /** Stored scorecard results for `/scorecard` (scored after every sync pass). */
  scorecards?: Pick<ScorecardResultsStore, 'resultsOfEntity' | 'resultsOfEntities' | 'resultsOfScorecard'>;
  /** Built docs sites and the public address links go to: `/docs`, docs hits in `/find`, the Docs button, docs unfurls. */
  docs?: PublishedDocs;
  /** Incident channel context cards; without it no channel gets one and `@Callboard context` says it is not set up. */
  incidents?: IncidentSettings;
}

/** Everything a listener may use; passed in, never imported. */
export interface SlackDeps extends CatalogDeps {
  identity: SlackIdentity;
  directory: MemberDirectory;
  /** Slack users' time zones, for on-call shift times. */
  timeZones: SlackTimeZones;
  /** Team channel names → ids, so `#team-payments` is a real channel link. */
  channels: ChannelDirectory;
  /** The template forms being filled in, runs' progress messages and approval requests (the scaffolder's Slack side). */
  scaffolding: ScaffolderSlack;
}

/** Adds the Slack-facing lookups (who is asking, who members are in Slack) on top of the catalog. */
export const buildSlackDeps = (catalog: CatalogDeps, users: SlackUserApi, channels: SlackChannelApi = noChannelApi): SlackDeps => ({
  ...catalog,
  identity: new SlackIdentity(catalog.store, users, { log: catalog.log }),
  directory: new MemberDirectory(users, { log: catalog.log }),
  timeZones: new SlackTimeZones(users, { log: catalog.log }),
  channels: new ChannelDirectory(channels, { log: catalog.log }),
  scaffolding: createScaffolderSlack({
    log: catalog.log,
    views: templateFormViews,
    ...(catalog.messages ? { messages: catalog.messages } : {}),
    ...(catalog.recordRunThread ? { onProgressPosted: catalog.recordRunThread } : {}),
  }),
});
