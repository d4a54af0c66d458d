import { describe, expect, it } from 'vitest';
import type { ScorecardResult } from '../../../src/core/scorecards/evaluate-scorecard.ts';
import { distributionOf, rankResults } from '../../../src/scorecards/scorecard-answer.ts';
import { distributionView, entityScorecardView, TEAM_ENTITIES_SHOWN, teamScorecardView } from '../../../src/slack/views/scorecard-view.ts';
import { buildScorecard } from '../../core/scorecards/build-scorecard.ts';
import { checkMessageLimits } from '../../helpers/block-kit/check-block-kit-limits.ts';

const scorecard = buildScorecard(
  {
    owner: 'platform',
    filter: { kind: 'Component' },
    levels: ['bronze', 'silver', 'gold'],
    rules: [
      { id: 'owned', level: 'bronze', title: 'Owned by a team', check: { relation: 'ownedBy', targetKind: 'Group' }, fix: 'Set spec.owner to a group ref.' },
      { id: 'readme', level: 'silver', check: { file: 'README.md' }, fix: 'Write a README.md <next to> catalog-info.yaml.' },
      { id: 'oncall', level: 'silver', check: { oncall: true } },
      { id: 'docs', level: 'gold', check: { docs: { maxAgeDays: 30 } } },
    ],
  },
  'readiness',
);

const result = (entityRef: string, level: string | null, passed: number): ScorecardResult => ({
  scorecard: scorecard.ref,
  entityRef,
  level,
  passed,
  total: 4,
  levels: [],
  rules: [
    { id: 'owned', level: 'bronze', passed: true },
    { id: 'readme', level: 'silver', passed: false, message: 'services/a/README.md does not exist' },
    { id: 'oncall', level: 'silver', passed: null, message: 'on-call could not be checked: PagerDuty answered 503', lastKnown: true },
    { id: 'docs', level: 'gold', passed: null, message: 'docs could not be checked: docs are not built by Callboard yet' },
  ],
  next: { level: 'silver', failing: ['readme'] },
});

const texts = (message: { blocks: unknown[] }): string => JSON.stringify(message.blocks);

describe('the /scorecard views', () => {
  it("shows an entity's level, its rules by level with the fix under each failing one, unknown ones with why, and the next level", () => {
    const message = entityScorecardView({
      kind: 'entity',
      entityRef: 'component:default/a',
      results: [{ scorecard, result: result('component:default/a', 'bronze', 1) }],
    });
    expect(checkMessageLimits(message)).toEqual([]);
    const sections = message.blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
    expect(sections).toEqual([
      '*readiness*: *bronze* · 1/4 rules pass',
      '*bronze* · 1/1\n:white_check_mark: `owned` Owned by a team',
      '*silver* · 0/2\n:x: `readme`: services/a/README.md does not exist\n      _Fix:_ Write a README.md &lt;next to&gt; catalog-info.yaml.\n' +
        ':grey_question: `oncall` unknown: on-call could not be checked: PagerDuty answered 503 (last known: passing)',
      '*gold* · 0/1\n:grey_question: `docs` unknown: docs could not be checked: docs are not built by Callboard yet',
    ]);
    expect(texts(message)).toContain('Next: *silver* needs `readme`');
  });

  it('stays within Block Kit limits for an entity on many scorecards with long messages, and says what it left out', () => {
    const long = result('component:default/a', null, 0);
    long.rules = long.rules.map((rule) => ({ ...rule, message: 'x'.repeat(2500) }));
    const message = entityScorecardView({
      kind: 'entity',
      entityRef: 'component:default/a',
      results: Array.from({ length: 40 }, () => ({ scorecard, result: long })),
    });
    expect(checkMessageLimits(message)).toEqual([]);
    expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(11_000);
    expect(texts(message)).toMatch(/\d+ more scorecard\(s\): `callboard scorecard component:default\/a` lists them all/);
  });

  it("ranks a team's entities, bounded per scorecard, within Block Kit limits", () => {
    const results = Array.from({ length: 500 }, (_, i) => result(`component:default/svc-${String(i).padStart(3, '0')}`, i % 2 ? 'bronze' : 'silver', i % 4));
    const ranked = rankResults(scorecard, results);
    const message = teamScorecardView({
      kind: 'team',
      teamRef: 'group:default/team-a',
      owned: 500,
      scorecards: Array.from({ length: 30 }, () => ({ scorecard, ranked })),
    });
    expect(checkMessageLimits(message)).toEqual([]);
    const first = message.blocks[1]!;
    expect(first.type === 'section' && first.text?.text.split('\n').slice(0, 2)).toEqual([
      '*readiness* · 500 entities, best first',
      '1. `component:default/svc-002` *silver* · 2/4',
    ]);
    expect(texts(message)).toContain(`…and ${500 - TEAM_ENTITIES_SHOWN} more`);
    expect(texts(message)).toContain('more scorecard(s) not shown');
  });

  it("gives a scorecard's level distribution, highest first", () => {
    const message = distributionView(distributionOf(scorecard, [result('a', 'silver', 2), result('b', 'silver', 2), result('c', null, 0)]));
    expect(checkMessageLimits(message)).toEqual([]);
    const section = message.blocks[1]!;
    expect(section.type === 'section' && section.text?.text).toBe(
      ['*gold* · 0  ', `*silver* · 2  ${'█'.repeat(20)}`, '*bronze* · 0  ', `no level yet · 1  ${'█'.repeat(10)}`].join('\n'),
    );
    expect(message.text).toBe('readiness: gold 0, silver 2, bronze 0, no level 1');
  });
});
