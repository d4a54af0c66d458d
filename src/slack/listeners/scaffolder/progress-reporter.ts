import type { Logger } from 'pino';
import type { RunRecord } from '../../../core/scaffolder/run-record.ts';
import type { RunListener } from '../../../scaffolder/scaffolder.ts';
import type { SlackMessage } from '../../views/slack-message.ts';
import type { ChatClient } from './chat-client.ts';

/** Where a run reports: the channel `/create` came from (absent: the requester's DM), and who that is. */
export interface ProgressTarget {
  channel?: string;
  userId: string;
  /** Groups whose approval the run waits for, to name them while it waits. */
  approvers?: readonly string[];
}

interface RunMessage {
  client: ChatClient;
  target: ProgressTarget;
  /** Where the progress message is, once posted (the DM's `D…` id when posted to a user). */
  posted?: { channel: string; ts: string };
  /** The newest state not yet sent; older unsent states are dropped (last state wins). */
  latest?: RunRecord;
  flushing?: Promise<void>;
  lastSentAt: number;
}

export interface ProgressReporterOptions {
  render: (run: RunRecord, target: ProgressTarget) => SlackMessage;
  log: Logger;
  /**
   * Told where a run's progress message was posted, to keep it with the run (RunRecord.slack), so after a restart
   * the message can be edited again (`reportRecovered`).
   */
  onPosted?: (runId: string, posted: { channel: string; ts: string }) => void;
  /** Least time between two updates of one message: chat.update is a tier 3 method (default 1 s). */
  minIntervalMs?: number;
  now?: () => number;
}

/** Slack errors that mean "not in that channel": the message goes to the requester's DM instead. */
const CHANNEL_REFUSALS = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'restricted_action']);

const platformError = (error: unknown): string | undefined => (error as { data?: { error?: string } } | undefined)?.data?.error;

const FORGET_AFTER_MS = 24 * 3_600_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A run's progress message: posted on the first change, then edited in place (chat.update) on each later one.
 * Updates of one run are sent one at a time and coalesced, so a fast run cannot reorder or flood its message;
 * a Slack failure is logged and never reaches the run.
 */
export class ProgressReporter {
  private readonly messages = new Map<string, RunMessage>();

  constructor(private readonly options: ProgressReporterOptions) {}

  /** The listener to hand to Scaffolder.start / retry / decide; it returns at once and never throws. */
  listenerFor(client: ChatClient, target: ProgressTarget): RunListener {
    return (run) => this.report(client, run, target);
  }

  report(client: ChatClient, run: RunRecord, target: ProgressTarget): void {
    this.forgetOld();
    const message = this.messages.get(run.id) ?? { client, target, lastSentAt: 0 };
    this.messages.set(run.id, message);
    message.latest = run;
    if (!message.flushing) message.flushing = this.flush(message);
  }

  /**
   * Shows the run as `start` returned it, unless its listener already reported: a record returned by the call can
   * be older than what the listener has sent meanwhile, and the message must never step back.
   */
  showIfNew(client: ChatClient, run: RunRecord, target: ProgressTarget): void {
    if (!this.messages.has(run.id)) this.report(client, run, target);
  }

  /**
   * Takes over a progress message posted before (a Retry click on it after a restart): later changes edit it
   * instead of posting a new one.
   */
  adopt(client: ChatClient, runId: string, posted: { channel: string; ts: string }, target: ProgressTarget): void {
    const message = this.messages.get(runId);
    if (message?.posted) return;
    this.messages.set(runId, { ...(message ?? { target, lastSentAt: 0 }), client, posted });
  }

  /**
   * Runs a restart left failed (Scaffolder.recoverInterrupted): each one whose progress message is known
   * (RunRecord.slack.ts) shows its failure there, with Retry.
   */
  reportRecovered(client: ChatClient, runs: readonly RunRecord[]): void {
    for (const run of runs) {
      const thread = run.slack;
      if (!thread?.ts) continue;
      const target = { channel: thread.channel, userId: /^slack:(\S+)$/.exec(run.createdBy)?.[1] ?? '' };
      this.adopt(client, run.id, { channel: thread.channel, ts: thread.ts }, target);
      this.report(client, run, target);
    }
  }

  /** Where the run's progress message is, once posted (decisions are threaded under it). */
  postedMessage(runId: string): { channel: string; ts: string } | undefined {
    return this.messages.get(runId)?.posted;
  }

  /** Resolves once every change reported so far for the run is in Slack (tests, shutdown). */
  async idle(runId: string): Promise<void> {
    while (this.messages.get(runId)?.flushing) await this.messages.get(runId)!.flushing;
  }

  /** Messages quiet for a day are forgotten (a later Retry click adopts its message again), so memory stays flat. */
  private forgetOld(): void {
    const cutoff = (this.options.now ?? Date.now)() - FORGET_AFTER_MS;
    for (const [runId, message] of this.messages) {
      if (!message.flushing && message.lastSentAt > 0 && message.lastSentAt < cutoff) this.messages.delete(runId);
    }
  }

  private async flush(message: RunMessage): Promise<void> {
    try {
      while (message.latest) {
        const wait = message.lastSentAt + (this.options.minIntervalMs ?? 1000) - (this.options.now ?? Date.now)();
        if (message.posted && wait > 0) await sleep(wait);
        const run = message.latest;
        message.latest = undefined;
        await this.send(message, run);
        message.lastSentAt = (this.options.now ?? Date.now)();
      }
    } finally {
      message.flushing = undefined;
    }
  }

  private async send(message: RunMessage, run: RunRecord): Promise<void> {
    const { text, blocks } = this.options.render(run, message.target);
    try {
      if (message.posted) {
        await message.client.chat.update({ channel: message.posted.channel, ts: message.posted.ts, text, blocks });
        return;
      }
      message.posted = await this.post(message.client, message.target, { text, blocks });
      this.options.onPosted?.(run.id, message.posted);
    } catch (error) {
      this.options.log.warn({ err: error, runId: run.id, status: run.status }, 'could not show the run progress in Slack');
    }
  }

  /** Posts in the channel; where the app may not post, in the requester's DM (chat.postMessage to a user id). */
  private async post(
    client: ChatClient,
    target: ProgressTarget,
    content: { text: string; blocks: SlackMessage['blocks'] },
  ): Promise<{ channel: string; ts: string }> {
    if (target.channel) {
      try {
        const posted = await client.chat.postMessage({ channel: target.channel, ...content });
        return { channel: posted.channel ?? target.channel, ts: posted.ts ?? '' };
      } catch (error) {
        if (!CHANNEL_REFUSALS.has(platformError(error) ?? '')) throw error;
        this.options.log.info({ channel: target.channel, error: platformError(error) }, 'run progress goes to the DM: the app cannot post in the channel');
      }
    }
    const posted = await client.chat.postMessage({ channel: target.userId, ...content });
    return { channel: posted.channel ?? target.userId, ts: posted.ts ?? '' };
  }
}
