import { z } from 'zod';
import { readScorecard } from '../../scorecards/read-scorecard.ts';
import type { KindDefinition, SchemaIssue } from '../kind-registry.ts';
import { OWNER, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString, refString } from './spec-fields.ts';

const ruleSchema = looseMapping(
  {
    id: nonEmptyString('a rule id such as has-docs'),
    level: nonEmptyString("one of this scorecard's levels, such as bronze"),
    title: z.string({ error: 'a string' }).optional(),
    description: z.string({ error: 'a string' }).optional(),
    fix: z.string({ error: 'a string saying how to make the rule pass' }).optional(),
    check: looseMapping({}, 'a check such as { exists: spec.owner }'),
  },
  'a mapping with id, level and check',
);

/** The shape of a Scorecard spec; what the shape cannot say (ids, levels, checks, paths, patterns) is readScorecard's. */
const shape = defineKind({
  kind: 'Scorecard',
  apiVersions: ['callboard.dev/v1alpha1'],
  specSchema: looseMapping(
    {
      owner: refString('"group:platform-team" (a Group unless a kind is written)'),
      filter: looseMapping({}, 'a mapping of field paths to values, such as { kind: [Component], spec.type: service }'),
      levels: z
        .array(nonEmptyString('a non-empty level name such as bronze'), { error: 'a list of level names, lowest first, such as [bronze, silver, gold]' })
        .min(1, { error: 'a non-empty list of level names, lowest first, such as [bronze, silver, gold]' }),
      rules: z.array(ruleSchema, { error: 'a list of rules, each with id, level and check' }),
    },
    'a mapping with owner, filter, levels and rules',
  ),
  refFields: [{ field: 'owner', defaultKind: 'Group', ...OWNER }],
});

/**
 * Scorecard, callboard.dev/v1alpha1: which entities to score (filter), the levels lowest first and the rules that
 * earn them. One mistake anywhere makes the scorecard invalid, with the mistake's path (file:line for the author);
 * other scorecards and entities are not affected.
 */
export const scorecardKind = {
  ...shape,
  validateSpec(entity) {
    const shapeIssues = shape.validateSpec(entity);
    const read = readScorecard(entity);
    if (read.ok) return shapeIssues;
    // Every mistake at once, as other kinds report every failing field; a field the shape already reported is not
    // reported again (nor anything inside it).
    const related = (a: SchemaIssue['path'], b: SchemaIssue['path']) => a.every((segment, index) => index >= b.length || b[index] === segment);
    return [...shapeIssues, ...read.issues.filter((issue) => !shapeIssues.some((shapeIssue) => related(shapeIssue.path, issue.path)))];
  },
} satisfies KindDefinition;
