import type { KnownBlock } from '@slack/types';
import type { DocsLibrary } from '../../core/docs/docs-library.ts';
import type { CatalogReader } from '../../core/ports.ts';
import type { ScorecardResultsStore } from '../../scorecards/results-store.ts';
import type { FindOnCallDeps } from '../../usecases/oncall/find-oncall.ts';
import type { MessageTemplates } from '../../messages/message-templates.ts';
import type { TemplateSummary } from '../../scaffolder/scaffolder.ts';
import type { ScheduleSpec } from '../schedule-spec.ts';
import type { PostTypeName } from './post-type-names.ts';

/** A scheduled post as chat.postMessage takes it; the poster adds the channel and the slot's metadata. */
export interface ScheduledMessage {
  text: string;
  blocks: KnownBlock[];
}

/** What a post type may read to build its message. */
export interface PostContext {
  schedule: ScheduleSpec;
  /** The slot being posted (for a handoff, the shift change it announces), or the moment of a manual post (`callboard post`). */
  slot: Date;
  /** When the message is built to be posted: later than planned after quiet hours, downtime or a recovery. Absent: as planned. */
  now?: Date;
  manual: boolean;
  store: CatalogReader;
  /** Software templates with whether each can run; absent where the scaffolder is not built. */
  templates?: () => readonly TemplateSummary[];
  /** The messages in templates/messages/ with the `postMessages` overrides. */
  messages: MessageTemplates<string>;
  /** On-call lookups (handoffs; catalog health's entities without on-call); absent where no providers are built. */
  oncall?: PostOnCall;
  /**
   * When this schedule's previous message to the same channel was made (the ledger's last posted slot: see
   * `messageMadeAt` in post-ledger.ts); absent before the first. A digest reports what changed since then.
   */
  previousPostAt?: Date;
  /** Stored scorecard results and history (a digest; a handoff's failing lowest-level rules); absent where they are not kept. */
  scorecards?: Pick<ScorecardResultsStore, 'resultsOfEntities' | 'resultsOfScorecard' | 'historyBetween'>;
  /** Built docs (catalog health's entities whose docs failed to build); absent until the docs builder is wired. */
  docs?: Pick<DocsLibrary, 'site'>;
}

/** findOnCall's dependencies other than the catalog: the providers, the deadline, Slack ids by email. */
export type PostOnCall = Omit<FindOnCallDeps, 'catalog'>;

/** One kind of scheduled post: one file each, registered in post-types.ts. */
export interface PostType {
  name: PostTypeName;
  /** The handlebars messages it renders (templates/messages/<name>.hbs, overridable in `postMessages`). */
  messageNames: readonly string[];
  build(context: PostContext): Promise<ScheduledMessage>;
}

/**
 * Something only posting can find out is wrong with a schedule (a team or scorecard not in the catalog, a channel
 * Slack does not know): the slot is recorded as failed with this message and the schedule shows as failing.
 */
export class ScheduleFailure extends Error {}
