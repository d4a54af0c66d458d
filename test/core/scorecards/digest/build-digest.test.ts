import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../../src/core/scorecards/digest/build-digest.ts';
import type { DigestInput } from '../../../../src/core/scorecards/digest/digest.ts';
import { digestWeek, ALL_RULES, PREVIOUS_DIGEST_AT, standing } from '../../../helpers/digest-week.ts';
import { DigestHistory, digestScorecard, refOf } from './digest-history.ts';

const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const owners = new Map([
  ...['a', 'b', 'c'].map((name) => [refOf(name), TEAM_A] as const),
  ...['d', 'e', 'f', 'g'].map((name) => [refOf(name), TEAM_B] as const),
]);

/**
 * The shared week (b up, d down, e up, f unknown), and here also: c goes up and back down, a loses on-call to an
 * outage (unknown: it keeps its level), g is new, and h (unowned) never passes anything.
 */
const week = (): DigestHistory => {
  const history = digestWeek({
    first: { h: standing([], false) },
    second: { c: standing(['owned', 'readme', 'runbook']), g: standing(['owned', 'readme']) },
  });
  history.run('2026-12-10T06:00:00Z', { a: standing(ALL_RULES, 'unknown'), c: standing(['owned', 'readme']) });
  return history;
};

const input = (history: DigestHistory, overrides: Partial<DigestInput> = {}): DigestInput => ({
  scorecard: digestScorecard,
  results: history.current(),
  history: history.since(PREVIOUS_DIGEST_AT),
  owners,
  previousAt: new Date(PREVIOUS_DIGEST_AT),
  ...overrides,
});

describe('buildDigest against a known history', () => {
  const digest = buildDigest(input(week()));

  it('counts the levels, highest first', () => {
    expect(digest.entities).toBe(8);
    expect(digest.distribution).toEqual([
      { level: 'gold', count: 3 },
      { level: 'silver', count: 0 },
      { level: 'bronze', count: 4 },
      { level: null, count: 1 },
    ]);
  });

  it('names movers up and down with the rule that changed', () => {
    expect(digest.movers?.up).toEqual([
      { entityRef: refOf('b'), owner: TEAM_A, from: 'silver', to: 'gold', rules: [{ id: 'docs', level: 'gold', from: 'failed', to: 'passed' }] },
      { entityRef: refOf('e'), owner: TEAM_B, from: null, to: 'bronze', rules: [{ id: 'readme', level: 'bronze', from: 'failed', to: 'passed' }] },
    ]);
    expect(digest.movers?.down).toEqual([
      {
        entityRef: refOf('d'),
        owner: TEAM_B,
        from: 'silver',
        to: 'bronze',
        rules: [{ id: 'runbook', level: 'silver', title: 'Has a runbook', from: 'passed', to: 'failed' }],
      },
    ]);
  });

  it('never makes a mover of a rule gone unknown, a new entity, or a move undone before the digest', () => {
    const moved = [...digest.movers!.up, ...digest.movers!.down].map((mover) => mover.entityRef);
    expect(moved).not.toContain(refOf('f')); // on-call unknown: keeps gold
    expect(moved).not.toContain(refOf('a'));
    expect(moved).not.toContain(refOf('g')); // first scored after the previous digest
    expect(moved).not.toContain(refOf('c')); // up on Tuesday, down again on Thursday
  });

  it('lists the most failing rules, lower level first on a tie; unknown rules are not failing', () => {
    expect(digest.mostFailing.map(({ id, failing }) => [id, failing])).toEqual([
      ['runbook', 5],
      ['docs', 5],
      ['oncall', 2],
      ['owned', 1],
      ['readme', 1],
    ]);
    expect(digest.mostFailing[0]).toMatchObject({ title: 'Has a runbook', fix: 'Add a runbook link.', level: 'silver' });
  });

  it('has a row per team, unowned last, with level counts, the share at a level and the next best fix', () => {
    expect(digest.teams.map((row) => row.team)).toEqual([TEAM_A, TEAM_B, undefined]);
    const [teamA, teamB, unowned] = digest.teams;
    expect(teamA).toMatchObject({ entities: 3, reachedPercent: 100 });
    expect(teamA!.levels).toEqual([
      { level: 'gold', count: 2 },
      { level: 'silver', count: 0 },
      { level: 'bronze', count: 1 },
      { level: null, count: 0 },
    ]);
    expect(teamA!.nextBestFix).toMatchObject({ id: 'runbook', lifts: 1, blocking: 1 });
    // d and g lack only the runbook for silver; e lacks on-call too.
    expect(teamB).toMatchObject({ entities: 4, reachedPercent: 100, nextBestFix: { id: 'runbook', level: 'silver', lifts: 2, blocking: 3 } });
    // Bronze needs two rules: neither lifts h alone; the first in the scorecard's order is named.
    expect(unowned).toMatchObject({ entities: 1, reachedPercent: 0, nextBestFix: { id: 'owned', lifts: 0, blocking: 1 } });
  });

  it('gives the same digest whatever order results and history come in', () => {
    const history = week();
    const shuffled = buildDigest(input(history, { results: [...history.current()].reverse(), history: [...history.since(PREVIOUS_DIGEST_AT)].reverse() }));
    expect(shuffled).toEqual(digest);
  });
});

describe('buildDigest for one team', () => {
  it("covers only the team's entities", () => {
    const digest = buildDigest(input(week(), { team: { ref: TEAM_A, entities: new Set(['a', 'b', 'c'].map(refOf)) } }));
    expect(digest.team).toBe(TEAM_A);
    expect(digest.entities).toBe(3);
    expect(digest.teams.map((row) => row.team)).toEqual([TEAM_A]);
    expect(digest.movers).toEqual({ up: [expect.objectContaining({ entityRef: refOf('b') })], down: [] });
    expect(digest.mostFailing.map((rule) => rule.id)).toEqual(['runbook', 'docs']);
  });
});

describe('the first digest to a channel', () => {
  it('has no movers and no since', () => {
    const history = week();
    const { previousAt: _previous, ...first } = input(history);
    const digest = buildDigest({ ...first, history: history.rows });
    expect(digest.movers).toBeUndefined();
    expect(digest.since).toBeUndefined();
    expect(digest.distribution[0]).toEqual({ level: 'gold', count: 3 });
  });
});

describe('next best fix', () => {
  it('is null when no entity of the team has a failing rule at its next level', () => {
    const history = new DigestHistory();
    history.run('2026-12-01T06:00:00Z', { a: standing(ALL_RULES), b: standing(['owned', 'readme', 'runbook'], 'unknown') });
    const digest = buildDigest(input(history, { history: [] }));
    // b's on-call was never known: it holds silver back, but it is not a failing rule anyone can fix.
    expect(digest.teams[0]!.nextBestFix).toBeNull();
    expect(digest.mostFailing.map((rule) => rule.id)).toEqual(['docs']);
  });
});
