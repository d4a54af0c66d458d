const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The top-level properties one page (a JSON Schema object) can ask for: its own, and those its conditional parts add
 * (`dependencies` and their `oneOf`, `allOf`/`oneOf`/`anyOf`, `if`/`then`/`else`), as Backstage expands a page.
 */
export const pagePropertiesOf = (schema: Record<string, unknown>): [string, Record<string, unknown>][] => {
  const own = isRecord(schema.properties)
    ? Object.entries(schema.properties).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
    : [];
  const branches: unknown[] = [
    ...Object.values(isRecord(schema.dependencies) ? schema.dependencies : {}).flatMap((dependency) =>
      isRecord(dependency) ? [dependency, ...(Array.isArray(dependency.oneOf) ? dependency.oneOf : [])] : [],
    ),
    ...(Array.isArray(schema.allOf) ? schema.allOf.flatMap((entry) => (isRecord(entry) ? [entry, entry.then, entry.else] : [])) : []),
    ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
    schema.then,
    schema.else,
  ];
  return [...own, ...branches.filter(isRecord).flatMap(pagePropertiesOf)];
};

/** The schemas of an array's items: `items` as one schema, or as a tuple (each is some index's schema). */
export const itemSchemasOf = (schema: Record<string, unknown>): Record<string, unknown>[] => {
  const items = schema.items;
  if (isRecord(items)) return [items];
  return Array.isArray(items) ? items.filter(isRecord) : [];
};
