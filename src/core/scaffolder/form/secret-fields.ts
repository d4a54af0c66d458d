import type { ParameterPage } from '../template-definition.ts';
import { isSecretSchema } from './field-settings.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Properties of one schema object, and those its `dependencies` and `allOf`/`then` branches add. */
const propertiesOf = (schema: Record<string, unknown>): [string, Record<string, unknown>][] => {
  const own = isRecord(schema.properties)
    ? Object.entries(schema.properties).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
    : [];
  const branches: unknown[] = [
    ...Object.values(isRecord(schema.dependencies) ? schema.dependencies : {}).flatMap((dependency) =>
      isRecord(dependency) ? [dependency, ...(Array.isArray(dependency.oneOf) ? dependency.oneOf : [])] : [],
    ),
    ...(Array.isArray(schema.allOf) ? schema.allOf.flatMap((entry) => (isRecord(entry) ? [entry.then, entry.else] : [])) : []),
    ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
  ];
  return [...own, ...branches.filter(isRecord).flatMap(propertiesOf)];
};

/**
 * Fields whose values are secrets (the password widget, `ui:field: Secret`), on every page and in every
 * conditional branch: these values are never stored, logged or shown.
 */
export const secretFieldNames = (pages: ParameterPage[]): string[] => [
  ...new Set(
    pages.flatMap((page) =>
      propertiesOf(page)
        .filter(([, schema]) => isSecretSchema(schema))
        .map(([name]) => name),
    ),
  ),
];
