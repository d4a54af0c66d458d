// The scorecard figures of `npm run bench` (issue 13): the pure engine (bench/scorecards.ts) and the runner end to end
// (bench/scorecards-runner.ts), each in its own process, and the runner's figures as ratios of baselines measured in
// the same run: the engine scoring the same N × 20 with its facts in hand, the refresh after a pass that changed
// nothing, and one spawned `git diff`.
import type { Percentiles } from './percentiles.ts';
import type { ScorecardRunnerFigures } from './scorecards-runner.ts';
import type { ScorecardEngineFigures } from './scorecards.ts';

export const FULL_SCORING_TARGET_MS = 2000;
export const ONE_FILE_TARGET_MS = 50;

export interface ScorecardFigures {
  engine: ScorecardEngineFigures;
  runner: ScorecardRunnerFigures;
}

/** Runs both benches at 10k entities (`entities` to change it) through `runChild`, which returns a child's last JSON line. */
export const measureScorecards = (runChild: (script: string, ...args: string[]) => unknown, entities = 10_000): ScorecardFigures => ({
  engine: runChild('scorecards.ts', '--entities', String(entities), '--json') as ScorecardEngineFigures,
  runner: runChild('scorecards-runner.ts', '--entities', String(entities), '--json') as ScorecardRunnerFigures,
});

const ms = (value: number): string => (value < 10 ? `${value.toFixed(2)} ms` : value < 1000 ? `${value.toFixed(0)} ms` : `${(value / 1000).toFixed(2)} s`);
const spread = (p: Percentiles): string => `median ${ms(p.p50).padStart(8)}  p99 ${ms(p.p99).padStart(8)}`;
const verdict = (value: number, target: number): string => `target < ${ms(target)}: ${value < target ? 'met' : 'MISSED'}`;
const times = (value: number, baseline: number): string => `${(value / baseline).toFixed(1)}×`;

export const formatScorecards = ({ engine, runner }: ScorecardFigures): string => {
  const engineFull = engine.evaluateFirst.p50;
  const oneFile = (label: string, p: Percentiles) =>
    `  ${label.padEnd(33)} ${spread(p)}  = ${times(p.p50, runner.noChange.p50)} a no-change refresh, ${times(p.p50, runner.gitDiff.p50)} one git diff  (${verdict(p.p99, ONE_FILE_TARGET_MS)} at p99${p.p50 < ONE_FILE_TARGET_MS && p.p99 >= ONE_FILE_TARGET_MS ? ', met at the median' : ''})`;
  return [
    `Scorecards, ${runner.entities} entities × ${runner.rules} rules (8 read files from a git source)`,
    `  engine alone, facts in hand:      evaluate all ${spread(engine.evaluateFirst)}; with previous results ${spread(engine.evaluateWithPrevious)}; diff ${spread(engine.diff)}; one entity ${spread(engine.oneEntity)}`,
    `  runner, first full scoring        ${ms(runner.firstRunMs).padStart(8)} (one run)  = ${times(runner.firstRunMs, engineFull)} the engine  (${verdict(runner.firstRunMs, FULL_SCORING_TARGET_MS)})`,
    `  runner, full scoring again        ${spread(runner.again)}  = ${times(runner.again.p50, engineFull)} the engine`,
    `  refresh, nothing changed          ${spread(runner.noChange)}`,
    oneFile('refresh, one README changed', runner.oneReadme),
    oneFile('refresh, one catalog file changed', runner.oneCatalogFile),
    `  one git diff --name-only          ${spread(runner.gitDiff)}`,
  ].join('\n');
};
