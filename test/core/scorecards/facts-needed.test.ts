import { describe, expect, it } from 'vitest';
import { factsNeeded } from '../../../src/core/scorecards/facts-needed.ts';
import { evaluateScorecard } from '../../../src/core/scorecards/evaluate-scorecard.ts';
import { NO_FACTS, unknownFact } from '../../../src/core/scorecards/facts.ts';
import { buildScorecard, service } from './build-scorecard.ts';

describe('factsNeeded', () => {
  it('lists each file once as a source-relative path, sorted, and the other facts the rules read', () => {
    const scorecard = buildScorecard({
      owner: 'platform',
      filter: { kind: 'Component' },
      levels: ['bronze', 'silver'],
      rules: [
        { id: 'readme', level: 'bronze', check: { file: 'README.md' } },
        { id: 'runbook', level: 'silver', check: { any: [{ file: '/docs/runbook.md' }, { not: { file: 'README.md', contains: 'TODO' } }] } },
        { id: 'escape', level: 'silver', check: { file: '../../../x' } },
        { id: 'oncall', level: 'silver', check: { all: [{ oncall: true }, { noDependencyOn: { lifecycle: ['deprecated'] } }] } },
      ],
    });
    expect(factsNeeded(scorecard, 'services/a/catalog-info.yaml')).toEqual({
      files: ['docs/runbook.md', 'services/a/README.md'],
      docs: false,
      oncall: true,
      dependencies: true,
    });
  });

  it('needs nothing from outside for field and relation checks', () => {
    const scorecard = buildScorecard({
      owner: 'p',
      filter: { kind: 'API' },
      levels: ['one'],
      rules: [{ id: 'x', level: 'one', check: { all: [{ exists: 'spec.owner' }, { relation: 'ownedBy' }, { docs: { maxAgeDays: 1 } }] } }],
    });
    expect(factsNeeded(scorecard, 'catalog-info.yaml')).toEqual({ files: [], docs: true, oncall: false, dependencies: false });
  });
});

describe('factsNeeded and evaluation agree on paths', () => {
  it('facts gathered for exactly the listed files answer every file check', () => {
    const scorecard = buildScorecard({
      owner: 'platform',
      filter: { kind: 'Component' },
      levels: ['bronze'],
      rules: [
        { id: 'readme', level: 'bronze', check: { file: './README.md', contains: '^# ' } },
        { id: 'root', level: 'bronze', check: { file: '/CODEOWNERS' } },
        { id: 'up', level: 'bronze', check: { file: '../shared/LICENSE' } },
      ],
    });
    const catalogFile = './services/a/catalog-info.yaml';
    const gathered = new Map(factsNeeded(scorecard, catalogFile).files.map((path) => [path, { kind: 'found' as const, text: '# hello' }]));
    expect([...gathered.keys()]).toEqual(['CODEOWNERS', 'services/a/README.md', 'services/shared/LICENSE']);
    const facts = { ...NO_FACTS, file: (path: string) => gathered.get(path) ?? unknownFact(`${path} was not gathered`) };
    const result = evaluateScorecard({ scorecard, entity: service(), catalogFile, facts, now: new Date(0) });
    expect(result.rules.map((rule) => rule.passed)).toEqual([true, true, true]);
  });
});
