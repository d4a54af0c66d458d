import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/catalog/entity.ts';
import type { OwnedEntitySummary } from '../../src/core/catalog-reader/catalog-queries.ts';
import { summarizeTeamScorecards, type TeamScorecardDeps } from '../../src/scorecards/team-scorecard-summary.ts';
import { DigestHistory, digestScorecardSpec, refOf, type Standing } from '../core/scorecards/digest/digest-history.ts';

const ALL = ['owned', 'readme', 'runbook', 'docs'];
const standing = (passing: string[], oncall: Standing['oncall'] = true): Standing => ({ passing, oncall });

const history = new DigestHistory();
history.run('2026-12-01T06:00:00Z', {
  a: standing(ALL),
  b: standing(['owned', 'readme', 'runbook']),
  c: standing(['owned', 'readme']),
  d: standing(['owned', 'readme']),
});

const scorecardEntity: Entity = {
  apiVersion: 'callboard.dev/v1alpha1',
  kind: 'Scorecard',
  metadata: { name: 'readiness', namespace: 'default', title: 'Production readiness' },
  spec: digestScorecardSpec,
};

/** team-a owns a and b itself and c through a child team; d belongs to another team. */
const deps = (scorecard: Entity | undefined): TeamScorecardDeps => ({
  catalog: {
    entityEnvelope: (ref) => (ref === 'scorecard:default/readiness' ? scorecard : undefined),
    ownedBy: (ref, options) => {
      expect(options).toEqual({ includeChildGroups: true });
      if (ref !== 'group:default/team-a') return [];
      return ['a', 'b', 'c'].map((name) => ({ ref: refOf(name), ownerRef: name === 'c' ? 'group:default/team-a-child' : ref }) as OwnedEntitySummary);
    },
  },
  results: { resultsOfEntities: (refs) => history.current().filter((result) => refs.includes(result.entityRef)) },
});

describe('summarizeTeamScorecards', () => {
  it("counts the team's entities per level and names the fix that lifts the most, from stored results", () => {
    expect(summarizeTeamScorecards(deps(scorecardEntity), 'group:default/team-a')).toEqual([
      {
        scorecard: { ref: 'scorecard:default/readiness', name: 'readiness', title: 'Production readiness' },
        entities: 3,
        levels: [
          { level: 'gold', count: 1 },
          { level: 'silver', count: 1 },
          { level: 'bronze', count: 1 },
          { level: null, count: 0 },
        ],
        // docs would lift b to gold and the runbook c to silver: on a tie the lower level goes first.
        nextBestFix: { id: 'runbook', level: 'silver', title: 'Has a runbook', fix: 'Add a runbook link.', lifts: 1, blocking: 1 },
      },
    ]);
  });

  it('leaves out a scorecard that is gone from the catalog, and is empty for a team that owns nothing', () => {
    expect(summarizeTeamScorecards(deps(undefined), 'group:default/team-a')).toEqual([]);
    expect(summarizeTeamScorecards(deps(scorecardEntity), 'group:default/nobody')).toEqual([]);
  });
});
