import type { z } from 'zod';
import { invalidValueMessage, missingValueMessage, valueAt } from '../issue-text.ts';
import type { SchemaIssue } from '../kind-registry.ts';

/**
 * Turns zod issues found while checking `value` (which sits at `root` in the entity) into
 * schema issues whose message names the field, the value found and the expectation text
 * the schema carries (see spec-fields.ts).
 */
export function toSchemaIssues(error: z.ZodError, root: (string | number)[], value: unknown): SchemaIssue[] {
  return error.issues.map((issue) => {
    const relative = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    const path = [...root, ...relative];
    const found = valueAt(value, relative);
    const message = found === undefined ? missingValueMessage(path, issue.message) : invalidValueMessage(path, found, issue.message);
    return { path, message };
  });
}
