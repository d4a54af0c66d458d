import type { Logger } from 'pino';
import type { Clock } from '../core/ports.ts';
import { describePostFailure } from './describe-post-failure.ts';
import type { JobRunEnd, PostedMessage } from './job-ledger.ts';
import { CLOCK_SKEW_MS, scheduledPostMetadataFor } from './post-metadata.ts';
import type { PostLedger } from './post-ledger.ts';
import type { PostOutcome } from './post-outcome.ts';
import type { ScheduledMessage } from './posts/post-type.ts';
import { PostAnswerLost, type SchedulePostApi } from './schedule-post-api.ts';
import { ledgerJobOf, type ScheduleSpec } from './schedule-spec.ts';

/** Builds the message for a slot (the post type registry); throws ScheduleFailure for a schedule at fault. */
export type BuildScheduledMessage = (spec: ScheduleSpec, slot: Date, manual: boolean, now?: Date) => Promise<ScheduledMessage>;

export interface SlotPosterOptions {
  ledger: PostLedger;
  api: SchedulePostApi;
  build: BuildScheduledMessage;
  clock: Clock;
  log: Logger;
}

/** Posts of one slot whose answers were lost and whose message was not found, before the slot is given up. */
const MAX_LOST_ANSWERS = 3;

type Posted = PostedMessage & { found?: boolean };

/**
 * One claimed slot's post: build the message, post it with the slot's metadata, and record in the ledger where it
 * landed and how the slot ended. Whoever calls it holds the slot's claim.
 */
export class SlotPoster {
  constructor(private readonly options: SlotPosterOptions) {}

  /** Posts a slot this process holds the claim of, and records the post and the end. */
  async post(spec: ScheduleSpec, key: string, slot: Date): Promise<PostOutcome> {
    let posted: Posted;
    try {
      const message = await this.options.build(spec, slot, false, this.options.clock.now());
      const channel = await this.channelOf(spec);
      posted = await this.postLookingFirst(spec, channel, message, key);
    } catch (error) {
      const reason = describePostFailure(error, spec);
      this.options.log.warn({ schedule: spec.id, slot: key, reason }, `schedule ${spec.id} failed to post; it is retried at its next slot`);
      await this.end(spec, key, { result: 'failed', message: reason });
      return 'failed';
    }
    const how = posted.found ? ", found by its metadata after Slack's answer was lost" : '';
    await this.record(spec, key, posted, `posted in ${posted.channel} (ts ${posted.ts})${how}`);
    return 'posted';
  }

  /**
   * Posts the slot's message. When Slack's answer is lost, the post may have been made: the message is looked for by
   * its metadata and posted again only when it is not there. When the channel cannot be read, the slot fails rather
   * than risk a second post.
   */
  private async postLookingFirst(spec: ScheduleSpec, channel: string, message: ScheduledMessage, key: string): Promise<Posted> {
    const { api, clock } = this.options;
    const metadata = scheduledPostMetadataFor(spec.id, key);
    for (let attempt = 1; ; attempt++) {
      const sentAt = clock.now().getTime();
      try {
        return await api.post(channel, message, metadata);
      } catch (error) {
        if (!(error instanceof PostAnswerLost)) throw error;
        this.options.log.warn({ schedule: spec.id, slot: key, err: error }, `schedule ${spec.id}: ${error.message}; looking for it in the channel`);
        const found = await this.lookAfterLostAnswer(spec, channel, key, sentAt, error);
        if (found) return { ...found, found: true };
        if (attempt >= MAX_LOST_ANSWERS) throw new Error(`${error.message} ${attempt} times; the message is not in the channel`);
      }
    }
  }

  private async lookAfterLostAnswer(
    spec: ScheduleSpec,
    channel: string,
    key: string,
    sentAt: number,
    lost: PostAnswerLost,
  ): Promise<PostedMessage | undefined> {
    const { api, clock } = this.options;
    try {
      const window = { oldest: new Date(sentAt - CLOCK_SKEW_MS), latest: new Date(clock.now().getTime() + CLOCK_SKEW_MS) };
      return await api.findPosted(channel, window, scheduledPostMetadataFor(spec.id, key));
    } catch (lookError) {
      throw new Error(
        `${lost.message} and the channel could not be read to see whether it was posted, so it is not posted again: ${describePostFailure(lookError, spec)}`,
      );
    }
  }

  /** The schedule's channel id; a name Slack does not know fails like a post to a missing channel. */
  async channelOf(spec: ScheduleSpec): Promise<string> {
    const channel = await this.options.api.resolveChannel(spec.channel);
    if (!channel) throw Object.assign(new Error('channel_not_found'), { data: { error: 'channel_not_found' } });
    return channel;
  }

  /** Records where the slot's message is, then that the slot ended well. */
  async record(spec: ScheduleSpec, key: string, posted: PostedMessage, message: string): Promise<void> {
    const job = ledgerJobOf(spec.id);
    try {
      await this.options.ledger.recordPost(job, key, posted);
    } catch (error) {
      // The message is in the channel: a restart finds it there by its metadata, so it is still posted once.
      this.options.log.error({ err: error, schedule: spec.id, slot: key }, `schedule ${spec.id} posted, but the ledger could not record it`);
    }
    await this.end(spec, key, { result: 'ok', message });
  }

  async end(spec: ScheduleSpec, key: string, end: Omit<JobRunEnd, 'finishedAt'>): Promise<void> {
    try {
      await this.options.ledger.finish(ledgerJobOf(spec.id), key, { ...end, finishedAt: this.options.clock.now() });
    } catch (error) {
      this.options.log.error({ err: error, schedule: spec.id, slot: key }, `schedule ${spec.id}: the ledger could not record how the slot ended`);
    }
  }
}
