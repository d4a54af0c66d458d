import type { ScorecardResult } from './evaluate-scorecard.ts';

/** One entity on one scorecard exactly as `callboard scorecard <ref> --json` prints it (the shape). */
export interface ScorecardJson {
  scorecard: string;
  entityRef: string;
  level: string | null;
  passed: number;
  total: number;
  rules: { id: string; level: string; passed: boolean | null; message?: string }[];
  next: { level: string; failing: string[] } | null;
}

/**
 * The JSON for a result: the same fields, without the counts per level and the kept results the evaluator
 * also carries (views and history read those from the result itself).
 */
export function scorecardJsonOf(result: ScorecardResult): ScorecardJson {
  return {
    scorecard: result.scorecard,
    entityRef: result.entityRef,
    level: result.level,
    passed: result.passed,
    total: result.total,
    rules: result.rules.map(({ id, level, passed, message }) => ({ id, level, passed, ...(message === undefined ? {} : { message }) })),
    next: result.next === null ? null : { level: result.next.level, failing: [...result.next.failing] },
  };
}
