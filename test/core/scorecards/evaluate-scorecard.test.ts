import { describe, expect, it } from 'vitest';
import type { EntityWithRelations } from '../../../src/core/catalog/entity.ts';
import { createBuiltinKindRegistry } from '../../../src/core/catalog/kind-registry.ts';
import { parseCatalogFile } from '../../../src/core/catalog/parse-catalog-file.ts';
import { evaluateScorecard, type ScorecardResult } from '../../../src/core/scorecards/evaluate-scorecard.ts';
import { NO_FACTS, unknownFact, type EntityFacts } from '../../../src/core/scorecards/facts.ts';
import { matchFilter } from '../../../src/core/scorecards/match-filter.ts';
import { readScorecard } from '../../../src/core/scorecards/read-scorecard.ts';
import { scorecardJsonOf } from '../../../src/core/scorecards/scorecard-json.ts';
import { buildScorecard, service } from './build-scorecard.ts';

const NOW = new Date('2026-12-06T09:00:00Z');

const FACTS: EntityFacts = {
  file: (path) => (path === 'svc/README.md' ? { kind: 'found', text: '# svc' } : { kind: 'missing' }),
  docsChangedAt: '2026-12-01T00:00:00Z',
  onCallNow: true,
  dependsOnLifecycles: [],
};

/** Rules whose result each test sets through the entity: `spec.<rule id>` present passes. */
const ladder = buildScorecard(
  {
    owner: 'platform',
    filter: { kind: 'Component' },
    levels: ['bronze', 'silver', 'gold'],
    rules: [
      { id: 'b1', level: 'bronze', check: { exists: 'spec.b1' } },
      { id: 'b2', level: 'bronze', check: { exists: 'spec.b2' } },
      { id: 's1', level: 'silver', check: { exists: 'spec.s1' } },
      { id: 'g1', level: 'gold', check: { exists: 'spec.g1' } },
      { id: 'oncall', level: 'gold', check: { oncall: true } },
    ],
  },
  'ladder',
);

const withFields = (...fields: string[]): EntityWithRelations => service({ spec: Object.fromEntries(fields.map((field) => [field, 'yes'])) });

const run = (entity: EntityWithRelations, facts: EntityFacts = FACTS, previous?: ScorecardResult) =>
  evaluateScorecard({ scorecard: ladder, entity, catalogFile: 'svc/catalog-info.yaml', facts, now: NOW, previous });

describe('evaluateScorecard: levels', () => {
  it('reaches the top when every rule passes, with counts per level and overall', () => {
    const result = run(withFields('b1', 'b2', 's1', 'g1'));
    expect(result).toEqual({
      scorecard: 'scorecard:default/ladder',
      entityRef: 'component:default/svc',
      level: 'gold',
      passed: 5,
      total: 5,
      levels: [
        { level: 'bronze', passed: 2, total: 2 },
        { level: 'silver', passed: 1, total: 1 },
        { level: 'gold', passed: 2, total: 2 },
      ],
      rules: [
        { id: 'b1', level: 'bronze', passed: true },
        { id: 'b2', level: 'bronze', passed: true },
        { id: 's1', level: 'silver', passed: true },
        { id: 'g1', level: 'gold', passed: true },
        { id: 'oncall', level: 'gold', passed: true },
      ],
      next: null,
    });
  });

  it('a gap in the middle keeps the lower level, even when the higher level passes', () => {
    const result = run(withFields('b1', 'b2', 'g1'));
    expect(result.level).toBe('bronze');
    expect(result.next).toEqual({ level: 'silver', failing: ['s1'] });
    expect(result.rules.find((rule) => rule.id === 's1')).toEqual({ id: 's1', level: 'silver', passed: false, message: 'spec.s1 is missing or empty' });
    expect(result.passed).toBe(4);
  });

  it('no level when a lowest-level rule fails; next lists what bronze needs', () => {
    const result = run(withFields('b2', 's1', 'g1'));
    expect(result.level).toBeNull();
    expect(result.next).toEqual({ level: 'bronze', failing: ['b1'] });
  });

  it('a level with no rules is reached when the levels below it are', () => {
    const scorecard = buildScorecard({
      owner: 'p',
      filter: { kind: 'Component' },
      levels: ['basic', 'bronze', 'silver'],
      rules: [{ id: 'b', level: 'bronze', check: { exists: 'spec.b' } }],
    });
    const evaluate = (entity: EntityWithRelations) => evaluateScorecard({ scorecard, entity, catalogFile: 'c.yaml', facts: FACTS, now: NOW });
    expect(evaluate(withFields()).level).toBe('basic');
    expect(evaluate(withFields()).next).toEqual({ level: 'bronze', failing: ['b'] });
    expect(evaluate(withFields('b')).level).toBe('silver');
  });
});

describe('evaluateScorecard: unknown results', () => {
  const outage: EntityFacts = { ...FACTS, onCallNow: unknownFact('PagerDuty answered 503') };
  const allFields = withFields('b1', 'b2', 's1', 'g1');

  it('with no previous result: shown as unknown, not counted as passed, and it holds the level back', () => {
    const result = run(allFields, outage);
    expect(result.rules.find((rule) => rule.id === 'oncall')).toEqual({
      id: 'oncall',
      level: 'gold',
      passed: null,
      message: 'on-call could not be checked: PagerDuty answered 503',
    });
    expect(result.level).toBe('silver');
    expect(result.next).toEqual({ level: 'gold', failing: ['oncall'] });
    expect(result.passed).toBe(4);
  });

  it('keeps the previous result for the level: an outage never demotes', () => {
    const before = run(allFields);
    const during = run(allFields, outage, before);
    expect(during.level).toBe('gold');
    expect(during.next).toBeNull();
    expect(during.rules.find((rule) => rule.id === 'oncall')).toEqual({
      id: 'oncall',
      level: 'gold',
      passed: null,
      message: 'on-call could not be checked: PagerDuty answered 503',
      lastKnown: true,
    });
    expect(during.levels[2]).toEqual({ level: 'gold', passed: 1, total: 2 });
  });

  it('keeps it across several unknown evaluations in a row, and a known result replaces it', () => {
    const before = run(allFields);
    const second = run(allFields, outage, run(allFields, outage, before));
    expect(second.level).toBe('gold');
    expect(second.rules.at(-1)!.lastKnown).toBe(true);
    const recovered = run(allFields, { ...FACTS, onCallNow: false }, second);
    expect(recovered.level).toBe('silver');
    expect(recovered.rules.at(-1)).toEqual({ id: 'oncall', level: 'gold', passed: false, message: 'nobody is on call now' });
  });

  it('keeps a previous failure too: an outage never promotes', () => {
    const before = run(allFields, { ...FACTS, onCallNow: false });
    const during = run(allFields, outage, before);
    expect(during.level).toBe('silver');
    expect(during.rules.at(-1)!.lastKnown).toBe(false);
    expect(during.next).toEqual({ level: 'gold', failing: ['oncall'] });
  });
});

describe("evaluateScorecard: the issue's example end to end", () => {
  const ISSUE_YAML = `apiVersion: callboard.dev/v1alpha1
kind: Scorecard
metadata: { name: production-readiness, title: Production readiness }
spec:
  owner: group:platform-team
  filter: { kind: [Component, API], spec.type: [service, openapi], spec.lifecycle: [production] }
  levels: [bronze, silver, gold]      # lowest first
  rules:
    - id: owned-by-group
      level: bronze
      title: Owned by a team
      check: { relation: ownedBy, targetKind: Group }
      fix: Set spec.owner to a group ref.
    - id: has-docs
      level: silver
      check: { exists: 'metadata.annotations["backstage.io/techdocs-ref"]' }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  annotations: { backstage.io/techdocs-ref: 'dir:.' }
spec: { type: service, lifecycle: production, owner: payments-team }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: solo }
spec: { type: service, lifecycle: production, owner: user:alice }
`;

  it('scores parsed entities with the relations the catalog emitted', async () => {
    const parsed = await parseCatalogFile(ISSUE_YAML, 'catalog-info.yaml', {
      registry: createBuiltinKindRegistry(),
      readTarget: async () => ({ ok: false, message: 'nothing to read', transient: false }),
    });
    expect(parsed.problems).toEqual([]);
    const read = readScorecard(parsed.entities[0]!.entity);
    if (!read.ok) throw new Error('the example must read');
    const rows = parsed.entities.flatMap((entity) => entity.relations);
    const scored = parsed.entities.slice(1).map(({ entity, ref }) => {
      const withRelations = { ...entity, relations: rows.filter((row) => row.sourceRef === ref).map(({ type, targetRef }) => ({ type, targetRef })) };
      expect(matchFilter(withRelations, read.scorecard.filter)).toBe(true);
      return evaluateScorecard({ scorecard: read.scorecard, entity: withRelations, catalogFile: 'catalog-info.yaml', facts: NO_FACTS, now: NOW });
    });
    expect(scored.map((result) => [result.entityRef, result.level, result.passed, result.total, result.next])).toEqual([
      // gold has no rules in the example, so it is reached with silver (an empty level is passed, as the ladder reads).
      ['component:default/payments', 'gold', 2, 2, null],
      ['component:default/solo', null, 0, 2, { level: 'bronze', failing: ['owned-by-group'] }],
    ]);
    expect(scored[1]!.rules[0]).toEqual({
      id: 'owned-by-group',
      level: 'bronze',
      passed: false,
      message: 'has 0 ownedBy relations to a Group; needs at least 1',
    });
  });
});

describe('scorecardJsonOf', () => {
  it("prints exactly the issue's fields, unknown rules as passed: null with their reason", () => {
    const before = run(withFields('b1', 'b2', 's1', 'g1'));
    const during = run(withFields('b1', 'b2', 's1', 'g1'), { ...FACTS, onCallNow: unknownFact('PagerDuty answered 503') }, before);
    expect(JSON.parse(JSON.stringify(scorecardJsonOf(during)))).toEqual({
      scorecard: 'scorecard:default/ladder',
      entityRef: 'component:default/svc',
      level: 'gold',
      passed: 4,
      total: 5,
      rules: [
        { id: 'b1', level: 'bronze', passed: true },
        { id: 'b2', level: 'bronze', passed: true },
        { id: 's1', level: 'silver', passed: true },
        { id: 'g1', level: 'gold', passed: true },
        { id: 'oncall', level: 'gold', passed: null, message: 'on-call could not be checked: PagerDuty answered 503' },
      ],
      next: null,
    });
  });
});
