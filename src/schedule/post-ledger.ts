import { hostname } from 'node:os';
import type { JobLedger, JobRunRecord, PostedMessage } from './job-ledger.ts';

/** The job ledger as scheduled posts use it: claims, plus where each slot's message landed. */
export interface PostLedger extends Pick<JobLedger, 'claim' | 'finish' | 'lastRun'> {
  /** `host:pid` of this process, as its claims name it. */
  readonly processName: string;
  recordPost(job: string, slot: string, post: PostedMessage): Promise<void>;
  unconfirmedClaims(job: string): JobRunRecord[];
  takeOver(job: string, slot: string, from: string): Promise<boolean>;
  lastPosted(job: string): JobRunRecord | undefined;
  /**
   * The latest slot before `slot` that was posted or is being posted (claimed, not yet ended): what a digest
   * counts as the previous post, so two processes posting back-to-back slots agree on which one came first.
   */
  postBefore(job: string, slot: string): JobRunRecord | undefined;
}

/**
 * Whether the process that made a claim is certainly gone: on this host, its pid no longer runs; on another host
 * (or a pid reused since) only time tells, so a claim older than the lease counts as abandoned. A post takes
 * seconds (a 429 wait included), far less than the lease.
 */
export const claimantGone = (claim: JobRunRecord, now: Date, leaseMs: number, ownHost: string = hostname()): boolean => {
  if (now.getTime() - claim.startedAt.getTime() > leaseMs) return true;
  const separator = claim.claimedBy.lastIndexOf(':');
  const host = claim.claimedBy.slice(0, separator);
  const pid = Number(claim.claimedBy.slice(separator + 1));
  if (host !== ownHost || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the pid runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

/** A Slack message `ts` (`1765094400.000100`: seconds and microseconds) as a time; undefined for anything else. */
const timeOfSlackTs = (ts: string): number | undefined => {
  const match = /^(\d+)\.(\d{6})$/.exec(ts);
  return match ? Number(match[1]) * 1000 + Math.floor(Number(match[2]) / 1000) : undefined;
};

/**
 * When a slot's message was made, by a measure a takeover never moves: the claim's start, unless the message Slack
 * holds is older (a restart that took the claim over found the message, and the claim now shows the takeover). A
 * takeover only rewrites the start of a claim with no post recorded, and whoever posts afresh after one builds the
 * message then, so the earlier of the two is when the message in the channel was built (its `ts` trails the build
 * by the post's round trip).
 */
export const messageMadeAt = (record: Pick<JobRunRecord, 'startedAt' | 'post'>): Date => {
  const posted = record.post ? timeOfSlackTs(record.post.ts) : undefined;
  return posted !== undefined && posted < record.startedAt.getTime() ? new Date(posted) : record.startedAt;
};
