import { secretPathsIn } from './secret-fields.ts';
import { changeAtPath, EVERY_ITEM } from './value-paths.ts';

/**
 * Secrets inside a field that Slack shows as one text (an object or array typed as JSON): a secret is never written
 * back into a view, so such a field is redrawn with them blanked, and the person types them again.
 */

/** Whether the field's value holds secrets (password widgets, `ui:field: Secret`) inside it. */
export const hasSecretsInside = (schema: Record<string, unknown>): boolean => secretPathsIn(schema).length > 0;

/** The value with each secret inside it set to "" (so the person sees where to type it); a list of secrets emptied. */
export const blankSecretsInside = (schema: Record<string, unknown>, value: unknown): unknown =>
  secretPathsIn(schema).reduce((blanked, path) => changeAtPath(blanked, path, () => (path.at(-1) === EVERY_ITEM ? undefined : '')), value);

/** The value read back with secrets left blank ("") removed, so `required` asks for them instead of a run going on without. */
export const dropBlankSecretsInside = (schema: Record<string, unknown>, value: unknown): unknown =>
  secretPathsIn(schema).reduce((kept, path) => changeAtPath(kept, path, (secret) => (secret === '' ? undefined : secret)), value);
