import type { EntityWithRelations } from '../../../src/core/catalog/entity.ts';
import { readScorecard } from '../../../src/core/scorecards/read-scorecard.ts';
import type { Check, Scorecard } from '../../../src/core/scorecards/scorecard.ts';
import { parseCheck } from '../../../src/core/scorecards/parse-check.ts';

/** A Scorecard read from a spec written as YAML would give it; throws with the issues when the spec is wrong. */
export const buildScorecard = (spec: Record<string, unknown>, name = 'sc'): Scorecard => {
  const read = readScorecard({ apiVersion: 'callboard.dev/v1alpha1', kind: 'Scorecard', metadata: { name, namespace: 'default' }, spec });
  if (!read.ok) throw new Error(read.issues.map((issue) => issue.message).join('\n'));
  return read.scorecard;
};

/** One check read from its YAML form; throws with the issues when it is wrong. */
export const buildCheck = (raw: unknown): Check => {
  const parsed = parseCheck(raw, ['check']);
  if (!parsed.check) throw new Error(parsed.issues.map((issue) => issue.message).join('\n'));
  return parsed.check;
};

/** A production service owned by team-a, with no relations unless given. */
export const service = (overrides: Partial<EntityWithRelations> = {}): EntityWithRelations => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', namespace: 'default', annotations: {} },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  relations: [],
  ...overrides,
});
