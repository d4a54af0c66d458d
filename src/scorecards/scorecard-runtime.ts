import type { CatalogRuntime } from '../catalog-runtime.ts';
import type { Config } from '../config/load-config.ts';
import { unknownFact } from '../core/scorecards/facts.ts';
import type { Clock } from '../core/ports.ts';
import { findOnCall, type FindOnCallDeps } from '../usecases/oncall/find-oncall.ts';
import { pagerdutyNamedWithoutToken } from '../usecases/oncall/pagerduty-without-token.ts';
import type { HasOnCallNow } from './gather-facts.ts';
import { createGitReaderPool } from './git-reader-pool.ts';
import { ScorecardRunner } from './scorecard-runner.ts';
import { createSourceFileReader } from './source-file-reader.ts';

/**
 * An `oncall: true` fact from the on-call lookup: someone on at any level now is true; an entity with no on-call (no
 * annotation, no team rotation) or nobody on now is false; a provider that fails or is slow is unknown, with why, and
 * so is a PagerDuty service named while PAGERDUTY_TOKEN is not set (someone may well be on call there).
 */
export const hasOnCallNowFrom =
  (deps: Omit<FindOnCallDeps, 'slackIdsByEmail'>, clock: Clock): HasOnCallNow =>
  async (entityRef) => {
    const answer = await findOnCall(deps, entityRef, clock.now());
    if (answer.unavailable) return unknownFact(answer.unavailable);
    if (!answer.schedule) {
      const pagerduty = pagerdutyNamedWithoutToken(deps.catalog, entityRef, deps.providers);
      return pagerduty ? unknownFact(`${pagerduty} names a PagerDuty service, but PAGERDUTY_TOKEN is not set`) : false;
    }
    return answer.schedule.levels.some((level) => level.now.length > 0);
  };

export interface ScorecardRuntimeOptions {
  hasOnCallNow?: HasOnCallNow;
  clock?: Clock;
  onCallTimeoutMs?: number;
  /** Entities per batch (default 1,000): each batch is read, evaluated and written as one. */
  batchSize?: number;
}

/**
 * The runner on the catalog runtime: its reader, its results store (writes in the one queue), its sources' files (git
 * readers kept between runs, ended once idle), its built docs.
 */
export const createScorecardRunner = (
  config: Config,
  runtime: Pick<CatalogRuntime, 'store' | 'scorecardResults' | 'registeredSources' | 'docs'>,
  options: ScorecardRuntimeOptions = {},
): ScorecardRunner => {
  const gitReaderPool = createGitReaderPool();
  return new ScorecardRunner({
    catalog: runtime.store,
    results: runtime.scorecardResults,
    openFiles: () => createSourceFileReader({ config, registeredSources: runtime.registeredSources, gitReaderPool }),
    docs: runtime.docs,
    clock: options.clock ?? { now: () => new Date() },
    ...(options.hasOnCallNow ? { hasOnCallNow: options.hasOnCallNow } : {}),
    ...(options.onCallTimeoutMs ? { onCallTimeoutMs: options.onCallTimeoutMs } : {}),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
};
