import type { ParameterPage } from '../template-definition.ts';
import { isSecretSchema } from './field-settings.ts';
import { itemSchemasOf, pagePropertiesOf } from './page-properties.ts';
import { EVERY_ITEM, type ValuePath } from './value-paths.ts';

/**
 * A secret's place in the submitted values: `['dbPassword']`, `['database', 'password']` inside an object field,
 * `['services', EVERY_ITEM, 'token']` inside each item of an array of objects.
 */
export type SecretPath = ValuePath;

// Schemas are hand-written YAML; anything nested deeper than this is not a form anyone fills in.
const MAX_DEPTH = 16;

/** Secrets in a value that `schema` describes: its properties (conditional ones too) and its array items, deeply. */
const pathsIn = (schema: Record<string, unknown>, prefix: SecretPath, depth: number): SecretPath[] => {
  if (depth > MAX_DEPTH) return [];
  const inProperties = pagePropertiesOf(schema).flatMap(([name, property]) =>
    isSecretSchema(property) ? [[...prefix, name]] : pathsIn(property, [...prefix, name], depth + 1),
  );
  const items = itemSchemasOf(schema);
  // A list whose items are passwords is one secret field; a list of objects holds secrets at every index.
  // (For a field's own schema, the prefix is empty: then every item is the secret.)
  const everyItem: SecretPath = [EVERY_ITEM];
  const inItems = items.some(isSecretSchema)
    ? [prefix.length > 0 ? prefix : everyItem]
    : items.flatMap((item) => pathsIn(item, [...prefix, EVERY_ITEM], depth + 1));
  return [...inProperties, ...inItems];
};

const pathKey = (path: SecretPath): string => JSON.stringify(path.map((step) => (step === EVERY_ITEM ? { every: 'item' } : step)));

const uniquePaths = (paths: SecretPath[]): SecretPath[] => {
  const byKey = new Map(paths.map((path) => [pathKey(path), path]));
  return [...byKey.values()];
};

/**
 * Where secrets sit inside one property's value: the password widgets and `ui:field: Secret` properties of an
 * object field or of an array's items, at any depth (conditional parts included). Empty for a property that is a
 * secret itself.
 */
export const secretPathsIn = (schema: Record<string, unknown>): SecretPath[] => uniquePaths(pathsIn(schema, [], 0));

/**
 * Every secret of the form (the password widget, `ui:field: Secret`), on every page, in every conditional branch,
 * inside object fields and array items: these values are never stored, logged or shown.
 */
export const secretFieldPaths = (pages: readonly ParameterPage[]): SecretPath[] => uniquePaths(pages.flatMap((page) => pathsIn(page, [], 0)));

/** The top-level fields that are secrets themselves. */
export const secretFieldNames = (pages: readonly ParameterPage[]): string[] => [
  ...new Set(secretFieldPaths(pages).flatMap((path) => (path.length === 1 && typeof path[0] === 'string' ? [path[0]] : []))),
];
