import { describe, expect, it } from 'vitest';
import { diffResults } from '../../../src/core/scorecards/diff-results.ts';
import type { RuleResult, ScorecardResult } from '../../../src/core/scorecards/evaluate-scorecard.ts';

const LEVELS = ['bronze', 'silver', 'gold'];

/** A result with rules r1 (bronze), r2 (silver), r3 (gold) set as given; the level is what those rules give. */
const result = (entityRef: string, level: string | null, states: (boolean | null)[], lastKnown: (boolean | undefined)[] = []): ScorecardResult => {
  const rules: RuleResult[] = states.map((passed, index) => ({
    id: `r${index + 1}`,
    level: LEVELS[index]!,
    passed,
    ...(passed === false ? { message: 'failing' } : {}),
    ...(lastKnown[index] === undefined ? {} : { lastKnown: lastKnown[index] }),
  }));
  return {
    scorecard: 'scorecard:default/sc',
    entityRef,
    level,
    passed: states.filter((state) => state === true).length,
    total: states.length,
    levels: LEVELS.map((name, index) => ({ level: name, passed: states[index] === true ? 1 : 0, total: 1 })),
    rules,
    next: null,
  };
};

describe('diffResults', () => {
  it('finds nothing to store when nothing changed, even when a message did', () => {
    const before = result('component:default/a', 'silver', [true, true, false]);
    const after = { ...before, rules: before.rules.map((rule) => (rule.message ? { ...rule, message: 'failing, one day later' } : rule)) };
    expect(diffResults([before], [after])).toEqual({ changes: [], up: [], down: [] });
  });

  it('names movers up and down with the rule changes that moved them', () => {
    const diff = diffResults(
      [result('component:default/a', 'bronze', [true, false, true]), result('component:default/b', 'gold', [true, true, true])],
      [result('component:default/a', 'gold', [true, true, true]), result('component:default/b', null, [false, true, true])],
    );
    expect(diff.up).toEqual([
      {
        scorecard: 'scorecard:default/sc',
        entityRef: 'component:default/a',
        status: 'changed',
        from: 'bronze',
        to: 'gold',
        move: 'up',
        rules: [{ id: 'r2', level: 'silver', from: 'failed', to: 'passed' }],
        causes: [{ id: 'r2', level: 'silver', from: 'failed', to: 'passed' }],
      },
    ]);
    expect(
      diff.down.map((change) => [change.entityRef, change.from, change.to, change.causes.map((cause) => `${cause.id}:${cause.from}→${cause.to}`)]),
    ).toEqual([['component:default/b', 'gold', null, ['r1:passed→failed']]]);
    expect(diff.changes.map((change) => change.entityRef)).toEqual(['component:default/a', 'component:default/b']);
  });

  it('a rule that changed without moving the level is a change to store, not a mover', () => {
    const diff = diffResults([result('component:default/a', null, [false, false, true])], [result('component:default/a', null, [false, true, true])]);
    expect(diff.up).toEqual([]);
    expect(diff.changes).toMatchObject([{ move: null, rules: [{ id: 'r2', from: 'failed', to: 'passed' }], causes: [] }]);
  });

  it('an outage is stored (passed → unknown) but never makes a mover', () => {
    const before = result('component:default/a', 'gold', [true, true, true]);
    const during = result('component:default/a', 'gold', [true, true, null], [undefined, undefined, true]);
    const diff = diffResults([before], [during]);
    expect(diff.up).toEqual([]);
    expect(diff.down).toEqual([]);
    expect(diff.changes).toMatchObject([{ status: 'changed', move: null, rules: [{ id: 'r3', from: 'passed', to: 'unknown' }] }]);
    expect(diffResults([during], [during]).changes).toEqual([]);
    expect(diffResults([during], [before]).changes).toMatchObject([{ move: null, rules: [{ id: 'r3', from: 'unknown', to: 'passed' }] }]);
  });

  it('newly scored and no longer scored entities are added and removed, not movers', () => {
    const diff = diffResults([result('component:default/old', 'gold', [true, true, true])], [result('component:default/new', 'bronze', [true, false, false])]);
    expect(diff.changes.map((change) => [change.entityRef, change.status, change.from, change.to, change.move])).toEqual([
      ['component:default/new', 'added', null, 'bronze', null],
      ['component:default/old', 'removed', 'gold', null, null],
    ]);
    expect(diff.up).toEqual([]);
    expect(diff.down).toEqual([]);
  });

  it('a failing rule added to the scorecard is the cause of a move down (the passing one removed is not)', () => {
    const before = result('component:default/a', 'silver', [true, true]);
    const after = result('component:default/a', 'bronze', [true, false]);
    after.rules[1] = { ...after.rules[1]!, id: 'new-rule' };
    const diff = diffResults([before], [after]);
    expect(diff.down[0]!.causes).toEqual([{ id: 'new-rule', level: 'silver', from: 'absent', to: 'failed' }]);
    expect(diff.down[0]!.rules.map((rule) => rule.id)).toEqual(['r2', 'new-rule']);
  });

  it('an added pair lists every rule as coming from absent, a removed one every rule as going to absent', () => {
    const diff = diffResults(
      [result('component:default/old', 'bronze', [true, false])],
      [result('component:default/new', null, [false, null], [undefined, true])],
    );
    expect(diff.changes.map((change) => [change.entityRef, change.rules, change.causes])).toEqual([
      [
        'component:default/new',
        [
          { id: 'r1', level: 'bronze', from: 'absent', to: 'failed' },
          { id: 'r2', level: 'silver', from: 'absent', to: 'unknown' },
        ],
        [],
      ],
      [
        'component:default/old',
        [
          { id: 'r1', level: 'bronze', from: 'passed', to: 'absent' },
          { id: 'r2', level: 'silver', from: 'failed', to: 'absent' },
        ],
        [],
      ],
    ]);
  });

  it('pairs rules by id when the scorecard lists them in another order', () => {
    const before = result('component:default/a', 'gold', [true, true, true]);
    const after = result('component:default/a', 'silver', [true, true, false]);
    after.rules.reverse();
    const diff = diffResults([before], [after]);
    expect(diff.down[0]!.rules).toEqual([{ id: 'r3', level: 'gold', from: 'passed', to: 'failed' }]);
  });
});
