import type { ParameterPage } from '../template-definition.ts';
import { isSecretSchema } from './field-settings.ts';
import { pagePropertiesOf } from './page-properties.ts';

/** A secret's place in the submitted values: `['dbPassword']`, or `['database', 'password']` inside an object field. */
export type SecretPath = readonly string[];

// Schemas are hand-written YAML; anything nested deeper than this is not a form anyone fills in.
const MAX_DEPTH = 16;

const pathsIn = (schema: Record<string, unknown>, prefix: readonly string[], depth: number): SecretPath[] =>
  depth > MAX_DEPTH
    ? []
    : pagePropertiesOf(schema).flatMap(([name, property]) =>
        isSecretSchema(property) ? [[...prefix, name]] : pathsIn(property, [...prefix, name], depth + 1),
      );

const uniquePaths = (paths: SecretPath[]): SecretPath[] => {
  const byKey = new Map(paths.map((path) => [JSON.stringify(path), path]));
  return [...byKey.values()];
};

/**
 * Where secrets sit inside one property's value: the password widgets and `ui:field: Secret` properties of an
 * object field, at any depth (conditional parts included). Empty for a property that is a secret itself.
 */
export const secretPathsIn = (schema: Record<string, unknown>): SecretPath[] => uniquePaths(pathsIn(schema, [], 0));

/**
 * Every secret of the form (the password widget, `ui:field: Secret`), on every page, in every conditional branch,
 * and inside object fields: these values are never stored, logged or shown.
 */
export const secretFieldPaths = (pages: readonly ParameterPage[]): SecretPath[] => uniquePaths(pages.flatMap((page) => pathsIn(page, [], 0)));

/** The top-level fields that are secrets themselves. */
export const secretFieldNames = (pages: readonly ParameterPage[]): string[] => [
  ...new Set(
    secretFieldPaths(pages)
      .filter((path) => path.length === 1)
      .map((path) => path[0]!),
  ),
];
