import { DigestHistory, type Standing } from '../core/scorecards/digest/digest-history.ts';

/**
 * The week of scoring that digest tests share (the `readiness` scorecard of digest-history.ts, six services a–f):
 * how everyone stands before the previous digest, and a run a week later where b goes up (docs), d down (runbook),
 * e up (readme), and f's on-call goes unknown (it keeps gold: an outage is not a move). A test adds its own entities
 * or runs.
 */

export const ALL_RULES = ['owned', 'readme', 'runbook', 'docs'];

export const standing = (passing: string[], oncall: Standing['oncall'] = true): Standing => ({ passing, oncall });

/** When the previous digest was posted: between the two runs. */
export const PREVIOUS_DIGEST_AT = '2026-12-07T08:00:00Z';

export const FIRST_RUN_AT = '2026-12-01T06:00:00Z';
export const SECOND_RUN_AT = '2026-12-08T06:00:00Z';

/** Where everyone stands before the previous digest. */
export const FIRST_RUN: Record<string, Standing> = {
  a: standing(ALL_RULES),
  b: standing(['owned', 'readme', 'runbook']),
  c: standing(['owned', 'readme']),
  d: standing(['owned', 'readme', 'runbook']),
  e: standing(['owned'], false),
  f: standing(ALL_RULES),
};

/** A week later: b up (docs), d down (runbook), e up (readme); f's on-call goes unknown (no move). */
export const SECOND_RUN: Record<string, Standing> = {
  b: standing(ALL_RULES),
  d: standing(['owned', 'readme']),
  e: standing(['owned', 'readme'], false),
  f: standing(ALL_RULES, 'unknown'),
};

/** The two runs as a history, each with the test's own standings added (or replacing the week's). */
export const digestWeek = (extra: { first?: Record<string, Standing>; second?: Record<string, Standing> } = {}): DigestHistory => {
  const history = new DigestHistory();
  history.run(FIRST_RUN_AT, { ...FIRST_RUN, ...extra.first });
  history.run(SECOND_RUN_AT, { ...SECOND_RUN, ...extra.second });
  return history;
};
