import { diffResults } from '../../../../src/core/scorecards/diff-results.ts';
import type { DigestHistoryRow } from '../../../../src/core/scorecards/digest/digest.ts';
import { evaluateScorecard, type ScorecardResult } from '../../../../src/core/scorecards/evaluate-scorecard.ts';
import { NO_FACTS, unknownFact } from '../../../../src/core/scorecards/facts.ts';
import type { Scorecard } from '../../../../src/core/scorecards/scorecard.ts';
import { buildScorecard, service } from '../build-scorecard.ts';

/** Rules that pass when the entity carries the annotation `t/<id>`, plus an on-call rule the test sets per run. */
export const digestScorecardSpec = {
  owner: 'group:platform',
  filter: { kind: ['Component'] },
  levels: ['bronze', 'silver', 'gold'],
  rules: [
    { id: 'owned', level: 'bronze', title: 'Owned by a team', check: { exists: 'metadata.annotations["t/owned"]' } },
    { id: 'readme', level: 'bronze', check: { exists: 'metadata.annotations["t/readme"]' } },
    { id: 'runbook', level: 'silver', title: 'Has a runbook', fix: 'Add a runbook link.', check: { exists: 'metadata.annotations["t/runbook"]' } },
    { id: 'oncall', level: 'silver', check: { oncall: true } },
    { id: 'docs', level: 'gold', check: { exists: 'metadata.annotations["t/docs"]' } },
  ],
};

export const digestScorecard: Scorecard = buildScorecard(digestScorecardSpec, 'readiness');

/** The scorecard as a catalog file holds it. */
export const digestScorecardYaml = JSON.stringify({
  apiVersion: 'callboard.dev/v1alpha1',
  kind: 'Scorecard',
  metadata: { name: 'readiness', title: 'Production readiness' },
  spec: digestScorecardSpec,
});

/** How one entity stands in one run: the annotation rules it passes, and its on-call fact. */
export interface Standing {
  passing: string[];
  oncall: boolean | 'unknown';
}

export const refOf = (name: string): string => `component:default/${name}`;

/**
 * Scores runs one after the other the way the runner does (each result keeps the previous one's known results) and
 * keeps a history row for every change, at the run's time: a known history to build digests from.
 */
export class DigestHistory {
  results = new Map<string, ScorecardResult>();
  rows: DigestHistoryRow[] = [];

  constructor(private readonly scorecard: Scorecard = digestScorecard) {}

  run(at: string, standings: Record<string, Standing>): void {
    const before = [...this.results.values()];
    for (const [name, standing] of Object.entries(standings)) {
      const annotations = Object.fromEntries(standing.passing.map((id) => [`t/${id}`, 'yes']));
      const entity = service({ metadata: { name, namespace: 'default', annotations } });
      const previous = this.results.get(refOf(name));
      const onCallNow = standing.oncall === 'unknown' ? unknownFact('PagerDuty answered 503') : standing.oncall;
      const result = evaluateScorecard({
        scorecard: this.scorecard,
        entity,
        catalogFile: 'catalog-info.yaml',
        facts: { ...NO_FACTS, onCallNow },
        now: new Date(at),
        ...(previous ? { previous } : {}),
      });
      this.results.set(result.entityRef, result);
    }
    const { changes } = diffResults(before, [...this.results.values()]);
    this.rows.push(...changes.map((change) => ({ ...change, at: new Date(at) })));
  }

  current(): ScorecardResult[] {
    return [...this.results.values()];
  }

  since(at: string): DigestHistoryRow[] {
    return this.rows.filter((row) => row.at > new Date(at));
  }
}
