import type { Logger } from 'pino';
import type { CatalogRuntime } from '../catalog-runtime.ts';
import type { Config } from '../config/load-config.ts';
import type { SyncSummary } from '../core/sync/sync-summary.ts';
import { buildOnCallProviders } from '../oncall-runtime.ts';
import type { ScorecardRunner } from './scorecard-runner.ts';
import { createScorecardRunner, hasOnCallNowFrom } from './scorecard-runtime.ts';

/** A pass that read nothing new (every source unchanged or unreachable) cannot have changed a result. */
export const passChangedSomething = (summary: SyncSummary): boolean =>
  summary.added + summary.updated + summary.removed > 0 || summary.sources.some((source) => source.outcome === 'synced');

/**
 * `npm start`'s scorecards: a runner whose on-call facts come from the configured providers (each lookup within
 * `oncall.timeoutMs`), run after every pass that changed something for the entities that changed. Not awaited by
 * the pass: slow facts delay the scores, never the catalog.
 */
export const startScorecards = (config: Config, runtime: CatalogRuntime, log: Logger): ScorecardRunner => {
  const clock = { now: () => new Date() };
  const timeoutMs = config.oncall.timeoutMs;
  const providers = buildOnCallProviders(config, runtime.store, { timeoutMs });
  const runner = createScorecardRunner(config, runtime, {
    hasOnCallNow: hasOnCallNowFrom(
      { catalog: runtime.store, providers, timeoutMs, logError: (err, context) => log.warn({ err, ...context }, 'on-call lookup failed for a scorecard') },
      clock,
    ),
    onCallTimeoutMs: timeoutMs,
    clock,
  });
  runtime.sync.onPass((summary) => {
    if (!passChangedSomething(summary)) return;
    runner
      .refresh()
      .then((report) => log.info(report, 'scorecards scored after a sync pass'))
      .catch((error: unknown) => log.error({ err: error }, 'scoring after a sync pass failed; the next pass or the daily scorecards-refresh tries again'));
  });
  return runner;
};
