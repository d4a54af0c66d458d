/**
 * Zod building blocks for kind specs. Every schema carries its own expectation text as the
 * zod error, so that {@link toSchemaIssues} can say what was expected in plain words.
 */
import { z } from 'zod';

/** A required-when-present string with `minLength: 1`, as in Backstage's kind schemas. */
export const nonEmptyString = (expected: string) => z.string({ error: expected }).min(1, { error: expected });

/** A single entity ref written as a string (built-in kind schemas never accept the object form). */
export const refString = (example: string) => nonEmptyString(`an entity ref string such as ${example}`);

/** A list of entity ref strings. */
export const refList = (example: string) => z.array(refString(example), { error: `a list of entity ref strings such as [${example}]` });

/** Any mapping; unknown keys are allowed, as in every Backstage spec schema. */
export const looseMapping = <Shape extends z.ZodRawShape>(shape: Shape, expected: string) => z.looseObject(shape, { error: expected });

/** `profile` of Users and Groups: every field optional, none empty. */
export const profileSchema = looseMapping(
  {
    displayName: nonEmptyString('a non-empty display name').optional(),
    email: nonEmptyString('a non-empty email address').optional(),
    picture: nonEmptyString('a non-empty picture URL').optional(),
  },
  'a mapping with optional displayName, email and picture',
);
