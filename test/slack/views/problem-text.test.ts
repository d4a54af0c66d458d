import { describe, expect, it } from 'vitest';
import type { StoredProblem } from '../../../src/core/catalog-reader/catalog-queries.ts';
import { appHomeView } from '../../../src/slack/views/app-home-view.ts';
import { countProblems, problemCountsText, problemLine } from '../../../src/slack/views/problem-text.ts';
import { problemsView } from '../../../src/slack/views/problems-view.ts';
import { syncSummaryView } from '../../../src/slack/views/sync-view.ts';
import { allMrkdwn, HOSTILE, HOSTILE_ESCAPED, user } from './view-helpers.ts';

const problem = (extra: Partial<StoredProblem> = {}): StoredProblem => ({
  severity: 'warning',
  message: 'relation ownedBy points at group:default/legacy-team, which is not in the catalog',
  sourceId: 'dir:acme',
  origin: 'dangling',
  file: 'services/carrier-gateway/catalog-info.yaml',
  line: 4,
  column: 1,
  ...extra,
});

describe('one wording of catalog problems', () => {
  it('counts read the same in the sync summary, on the App Home tab and in /callboard errors', () => {
    const problems = [problem(), problem({ severity: 'error', message: 'spec.owner is required' }), problem({ file: 'other.yaml' })];
    const phrase = problemCountsText(countProblems(problems));
    expect(phrase).toBe(':x: 1 error and 2 warnings');
    const sync = syncSummaryView({
      startedAt: '2025-03-01T10:00:00.000Z',
      durationMs: 1,
      sources: [],
      added: 0,
      updated: 0,
      removed: 0,
      errors: 1,
      warnings: 2,
    });
    const home = appHomeView({ user: user('a'), teams: [], problems: countProblems(problems), problemScope: 'your teams', canSync: false });
    const errors = problemsView(problems, 'checkout-team');
    for (const surface of [sync, home, errors]) expect(allMrkdwn(surface)).toContain(phrase);
  });

  it.each([
    [{ errors: 0, warnings: 0 }, ':white_check_mark: No catalog problems'],
    [{ errors: 0, warnings: 1 }, ':warning: 1 warning'],
    [{ errors: 2, warnings: 0 }, ':x: 2 errors'],
    [{ errors: 1200, warnings: 1 }, ':x: 1,200 errors and 1 warning'],
  ])('%j → %s', (counts, text) => {
    expect(problemCountsText(counts)).toBe(text);
  });

  it('a problem line: icon, where (line within its file, or the file, or the source), the escaped message', () => {
    expect(problemLine(problem())).toBe(':warning: line 4:1: relation ownedBy points at group:default/legacy-team, which is not in the catalog');
    expect(problemLine(problem({ severity: 'error', message: HOSTILE }), { withFile: true })).toBe(
      `:x: \`services/carrier-gateway/catalog-info.yaml:4:1\` ${HOSTILE_ESCAPED}`,
    );
    expect(problemLine(problem({ file: undefined, line: undefined, origin: 'source', message: 'GitHub answered 503' }), { withFile: true })).toBe(
      ':warning: _source dir:acme_ GitHub answered 503',
    );
  });
});
