import type { Logger } from 'pino';
import type { ActivePosts } from './active-posts.ts';
import { describePostFailure } from './describe-post-failure.ts';
import type { JobRunRecord, PostedMessage } from './job-ledger.ts';
import { CLOCK_SKEW_MS, scheduledPostMetadataFor } from './post-metadata.ts';
import { claimantGone, type PostLedger } from './post-ledger.ts';
import type { PostOutcome } from './post-outcome.ts';
import { plannedPostTimeOf } from './post-slots.ts';
import type { SchedulePostApi } from './schedule-post-api.ts';
import { ledgerJobOf, type ScheduleSpec } from './schedule-spec.ts';
import type { SlotPoster } from './slot-poster.ts';

export interface ClaimRecoveryOptions {
  specs: () => ScheduleSpec[];
  ledger: PostLedger;
  api: SchedulePostApi;
  poster: SlotPoster;
  active: ActivePosts;
  log: Logger;
  /** A claim without an end or a post older than this is taken over. */
  leaseMs: number;
}

/**
 * Settles claims a stopped process left with no post recorded: taken over (one process only), then the slot's
 * message is looked for in the channel from just before the claim until now. Found: its `ts` is recorded. Not
 * there: posted now. When the channel cannot be read, it is not posted again: at most once wins over never lost.
 */
export class ClaimRecovery {
  /** The recovery running now, if one is: a second one waits for it instead of running alongside. */
  private recovering: Promise<Map<string, PostOutcome>> | undefined;
  /** When recovery last started (ms); the next tick a lease period later runs it again. */
  private recoveredAt: number | undefined;

  constructor(private readonly options: ClaimRecoveryOptions) {}

  async recover(now: Date): Promise<Map<string, PostOutcome>> {
    if (this.recovering) return this.recovering;
    this.recoveredAt = now.getTime();
    this.recovering = this.recoverClaims(now);
    try {
      return await this.recovering;
    } finally {
      this.recovering = undefined;
    }
  }

  /**
   * A claim of a process on another host that was still inside its lease at start-up can only be settled later:
   * recovery runs again at the first tick a lease period after the last one. A clock set back since then (the last
   * look seems to lie ahead) runs it too, rather than leaving a dead process's slot unposted until that time returns.
   */
  async recoverIfDue(now: Date): Promise<void> {
    const sinceLast = this.recoveredAt === undefined ? undefined : now.getTime() - this.recoveredAt;
    if (sinceLast !== undefined && sinceLast >= 0 && sinceLast < this.options.leaseMs) return;
    try {
      await this.recover(now);
    } catch (error) {
      this.options.log.error({ err: error }, 'scheduled posts: settling claims left by stopped processes failed; retried a lease period later');
    }
  }

  /** The recovery under way, for a stop that waits for it. */
  pending(): Promise<unknown> | undefined {
    return this.recovering;
  }

  private async recoverClaims(now: Date): Promise<Map<string, PostOutcome>> {
    const { ledger, active } = this.options;
    const outcomes = new Map<string, PostOutcome>();
    for (const spec of this.options.specs()) {
      for (const claim of ledger.unconfirmedClaims(ledgerJobOf(spec.id))) {
        if (!this.isLeftBehind(spec, claim, now)) continue;
        // A slot of this schedule is being posted (or resolved) now: never both at once; the next recovery looks again.
        if (active.has(spec.id)) continue;
        const outcome = await active.run(spec.id, () => this.takeOver(spec, claim, now));
        if (outcome !== 'claimed-elsewhere') outcomes.set(`${spec.id} ${claim.slot}`, outcome);
      }
    }
    return outcomes;
  }

  /**
   * A claim under this process's own name that it is not posting now was left by an earlier process with the same
   * host and pid (a container restarted): pid 1 again, so neither the pid nor the lease can tell.
   */
  private isLeftBehind(spec: ScheduleSpec, claim: JobRunRecord, now: Date): boolean {
    const { ledger } = this.options;
    const ownLeftover = claim.claimedBy === ledger.processName && !this.options.active.has(spec.id);
    if (ownLeftover) return true;
    return claim.claimedBy !== ledger.processName && claimantGone(claim, now, this.options.leaseMs);
  }

  /** Takes the claim over and resolves it as the schedule's one active run, so a tick finds the schedule busy meanwhile. */
  private async takeOver(spec: ScheduleSpec, claim: JobRunRecord, now: Date): Promise<PostOutcome> {
    const { ledger, log } = this.options;
    if (!(await ledger.takeOver(ledgerJobOf(spec.id), claim.slot, claim.claimedBy))) return 'claimed-elsewhere';
    log.warn(
      { schedule: spec.id, slot: claim.slot, claimedBy: claim.claimedBy },
      `schedule ${spec.id}: a slot was claimed but never confirmed; looking for it in the channel`,
    );
    return this.resolveUnconfirmed(spec, claim.slot, claim.startedAt, now);
  }

  private async resolveUnconfirmed(spec: ScheduleSpec, key: string, claimedAt: Date, now: Date): Promise<PostOutcome> {
    const { poster } = this.options;
    const slot = new Date(key);
    // Posted no earlier than planned (a handoff's slot is the change, posted the lead before it) nor than claimed; and
    // Slack stamps it by its own clock, which may run ahead of ours: a message "from the future" is still the slot's.
    const oldest = new Date(Math.min(plannedPostTimeOf(spec, slot).getTime(), claimedAt.getTime()) - CLOCK_SKEW_MS);
    const latest = new Date(now.getTime() + CLOCK_SKEW_MS);
    let found: PostedMessage | undefined;
    try {
      const channel = await poster.channelOf(spec);
      found = await this.options.api.findPosted(channel, { oldest, latest }, scheduledPostMetadataFor(spec.id, key));
    } catch (error) {
      const reason = `could not look for the slot's message in the channel, so it is not posted again: ${describePostFailure(error, spec)}`;
      await poster.end(spec, key, { result: 'failed', message: reason });
      return 'failed';
    }
    if (found) {
      await poster.record(spec, key, found, `found in ${found.channel} (ts ${found.ts}) after a restart`);
      return 'found';
    }
    return poster.post(spec, key, slot);
  }
}
