import type { PostOutcome } from './post-outcome.ts';

/**
 * The one run (a post, or a recovery resolving a claim) each schedule has in this process at a time: a slot of a
 * schedule is never posted while another of its slots is being posted or resolved.
 */
export class ActivePosts {
  private readonly runs = new Map<string, Promise<PostOutcome>>();

  has(scheduleId: string): boolean {
    return this.runs.has(scheduleId);
  }

  /** Runs `work` as the schedule's active run; the caller checks `has` first when it must not wait. */
  async run(scheduleId: string, work: () => Promise<PostOutcome>): Promise<PostOutcome> {
    const running = work();
    this.runs.set(scheduleId, running);
    try {
      return await running;
    } finally {
      this.runs.delete(scheduleId);
    }
  }

  /** Every run under way, for a stop that waits for them. */
  pending(): Promise<unknown>[] {
    return [...this.runs.values()];
  }
}
