import type { Logger } from 'pino';

/**
 * Runs a source's re-sync at once, and folds a burst of requests into at most one more run: a request that
 * comes while the source's sync is queued or running makes it run once again afterwards (the running pass
 * may have fetched before the push it was asked for), never once per request.
 */
export class SyncCoalescer {
  private readonly state = new Map<string, { again: boolean }>();

  constructor(
    private readonly syncSource: (sourceId: string) => Promise<unknown>,
    private readonly log: Logger,
  ) {}

  request(sourceId: string): void {
    const running = this.state.get(sourceId);
    if (running) {
      running.again = true;
      return;
    }
    this.state.set(sourceId, { again: false });
    void this.run(sourceId);
  }

  private async run(sourceId: string): Promise<void> {
    for (;;) {
      try {
        await this.syncSource(sourceId);
        this.log.info({ source: sourceId }, 'webhook re-sync finished');
      } catch (error) {
        this.log.error({ err: error, source: sourceId }, 'webhook re-sync failed; the scheduled sync will try again');
      }
      const entry = this.state.get(sourceId)!;
      if (!entry.again) break;
      entry.again = false;
    }
    this.state.delete(sourceId);
  }
}
