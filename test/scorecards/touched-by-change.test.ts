import { describe, expect, it } from 'vitest';
import { touchedByChange } from '../../src/scorecards/touched-by-change.ts';
import { buildScorecard } from '../core/scorecards/build-scorecard.ts';

const scorecard = (files: unknown[]) =>
  buildScorecard({
    owner: 'platform',
    filter: { kind: 'Component' },
    levels: ['bronze'],
    rules: files.map((file, index) => ({ id: `r${index}`, level: 'bronze', check: { file } })),
  });

describe('touchedByChange', () => {
  it('concerns an entity when its catalog file or a file read below its folder changed', () => {
    const touches = touchedByChange(new Set(['services/a/README.md', 'services/b/catalog-info.yaml']), [scorecard(['README.md', 'docs/index.md'])]);
    expect(touches('services/a/catalog-info.yaml')).toBe(true);
    expect(touches('services/b/catalog-info.yaml')).toBe(true);
    expect(touches('services/c/catalog-info.yaml')).toBe(false);
    expect(touches('catalog-info.yaml')).toBe(false);
  });

  it('concerns every entity when a file read from the root changed', () => {
    const touches = touchedByChange(new Set(['.github/CODEOWNERS']), [scorecard(['/.github/CODEOWNERS'])]);
    expect(touches('services/c/catalog-info.yaml')).toBe(true);
  });

  it('follows paths that climb with .. and untidy catalog paths as factsNeeded resolves them', () => {
    const touches = touchedByChange(new Set(['services/shared/owners.txt']), [scorecard(['../shared/owners.txt'])]);
    expect(touches('services/a/catalog-info.yaml')).toBe(true);
    expect(touches('other/a/catalog-info.yaml')).toBe(false);
    expect(touchedByChange(new Set(['services/a/README.md']), [scorecard(['README.md'])])('./services/a/catalog-info.yaml')).toBe(true);
  });
});
