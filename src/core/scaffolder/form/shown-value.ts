import { readReviewSettings } from './field-settings.ts';
import { itemSchemasOf, pagePropertiesOf } from './page-properties.ts';
import { secretPathsIn } from './secret-fields.ts';
import { changeAtPath, EVERY_ITEM, type ValuePath } from './value-paths.ts';

/**
 * One field's value as a person sees it (review page, approval requests, run messages, `callboard runs`): secrets
 * inside it shown as `******`, and every `ui:backstage.review.mask` inside it (object properties, array items, at
 * any depth) applied. The field's own top-level mask is the caller's: it replaces the whole value.
 */

export const SECRET_MASK = '******';

interface NestedMask {
  path: ValuePath;
  mask: string;
}

// Schemas are hand-written YAML; anything nested deeper than this is not a form anyone fills in.
const MAX_DEPTH = 16;

const masksIn = (schema: Record<string, unknown>, prefix: ValuePath, depth: number): NestedMask[] => {
  if (depth > MAX_DEPTH) return [];
  const nested = (inner: Record<string, unknown>, path: ValuePath): NestedMask[] => {
    const mask = readReviewSettings(inner, false).mask;
    // A masked value is shown as its mask whole: what is inside it is never shown.
    return mask !== undefined ? [{ path, mask }] : masksIn(inner, path, depth + 1);
  };
  return [
    ...pagePropertiesOf(schema).flatMap(([name, property]) => nested(property, [...prefix, name])),
    ...itemSchemasOf(schema).flatMap((item) => nested(item, [...prefix, EVERY_ITEM])),
  ];
};

/** The masks `ui:backstage.review.mask` sets inside a field's schema (not on the field itself). */
export const nestedReviewMasks = (schema: Record<string, unknown>): NestedMask[] => masksIn(schema, [], 0);

/** The value with the secrets and review masks inside it applied; a template's explicit mask wins over `******`. */
export const maskInsideValue = (schema: Record<string, unknown>, value: unknown): unknown => {
  const secretsMasked = secretPathsIn(schema).reduce((masked, path) => changeAtPath(masked, path, () => SECRET_MASK), value);
  return nestedReviewMasks(schema).reduce((masked, { path, mask }) => changeAtPath(masked, path, () => mask), secretsMasked);
};
