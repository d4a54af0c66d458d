import { describe, expect, it } from 'vitest';
import { foldersTouched } from '../../src/scorecards/touched-by-change.ts';
import { buildScorecard } from '../core/scorecards/build-scorecard.ts';

const scorecard = (files: unknown[]) =>
  buildScorecard({
    owner: 'platform',
    filter: { kind: 'Component' },
    levels: ['bronze'],
    rules: files.map((file, index) => ({ id: `r${index}`, level: 'bronze', check: { file } })),
  });

describe('foldersTouched', () => {
  it('names the folder of each changed path and the folder a check reads a changed path from', () => {
    const changed = new Set(['services/a/docs/index.md', 'services/b/catalog-info.yaml', 'README.md']);
    expect([...foldersTouched(changed, [scorecard(['README.md', 'docs/index.md'])])].sort()).toEqual(['', 'services/a/', 'services/a/docs/', 'services/b/']);
  });

  it('is every folder when a file read from the root changed, or a check climbs with ..', () => {
    expect(foldersTouched(new Set(['.github/CODEOWNERS']), [scorecard(['/.github/CODEOWNERS'])])).toBe('all');
    expect(foldersTouched(new Set(['x.md']), [scorecard(['../shared/owners.txt'])])).toBe('all');
    expect(foldersTouched(new Set(['docs/x.md']), [scorecard(['/.github/CODEOWNERS'])])).toEqual(['docs/']);
  });
});
