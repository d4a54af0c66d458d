import { Ajv, type AnySchemaObject } from 'ajv';
import ajvErrorsModule from 'ajv-errors';
import addFormatsModule from 'ajv-formats';
import { describeValue, formatPath, isPlainObject, valueAt } from '../catalog/issue-text.ts';
import type { SchemaIssue } from '../catalog/kind-registry.ts';

type Path = (string | number)[];
type Plugin = (ajv: Ajv) => Ajv;
// Both plugins are CommonJS with a `default` export; under NodeNext the default import is the whole module.
const pluginOf = (module: unknown): Plugin => ((module as { default?: Plugin }).default ?? module) as Plugin;

// The settings the form uses (form/validate-form-values.ts), so a schema accepted here compiles there. Strict mode is
// off because Backstage's pages carry `ui:*` keys, `enumNames`, `when` and `backstage:*` next to JSON Schema.
let shared: Ajv | undefined;
const ajvInstance = (): Ajv => {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, $data: true, logger: false });
    pluginOf(addFormatsModule)(shared);
    pluginOf(ajvErrorsModule)(shared);
  }
  return shared;
};

const HINT = 'fix this page of spec.parameters so that it is valid JSON Schema (draft-07, as Backstage uses)';

/** `/properties/name/type` → ['properties', 'name', 'type'] (JSON Pointer, unescaped; list indexes as numbers). */
const pointerSegments = (pointer: string, schema: unknown): Path => {
  const segments: Path = [];
  let node: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    segments.push(segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
  }
  return segments;
};

/** One page, given its path from the entity root: meta-schema errors where they are, then anything compile refuses. */
const checkPage = (page: Record<string, unknown>, path: Path): SchemaIssue[] => {
  const ajv = ajvInstance();
  const { when: _when, title: _title, description: _description, ...rest } = page;
  const schema: AnySchemaObject = { type: 'object', ...rest };
  if (!ajv.validateSchema(schema)) {
    // A wrong value fails several branches of the meta-schema (enum, then anyOf); the first says it best.
    const seen = new Set<string>();
    return (ajv.errors ?? []).flatMap((error) => {
      if (seen.has(error.instancePath)) return [];
      seen.add(error.instancePath);
      const inPage = pointerSegments(error.instancePath, page);
      const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
      const detail = `${error.message ?? 'is not valid'}${allowed ? ` (${allowed.join(', ')})` : ''}`;
      const what = inPage.length > 0 ? `${formatPath(inPage)} ${describeValue(valueAt(page, inPage))}` : 'the page';
      return [{ path: [...path, ...inPage], message: `JSON Schema: ${what} ${detail}; ${HINT}` }];
    });
  }
  try {
    ajv.compile(schema);
    return [];
  } catch (error) {
    return [{ path, message: `JSON Schema does not compile: ${(error as Error).message}; ${HINT}` }];
  } finally {
    // ajv caches every compiled schema by object; templates are re-read on each sync, so drop it.
    ajv.removeSchema(schema);
  }
};

/** Each page of `spec.parameters` (one mapping or a list) must be a JSON Schema ajv can compile. */
export function checkParameterSchemas(parameters: unknown): SchemaIssue[] {
  if (isPlainObject(parameters)) return checkPage(parameters, ['spec', 'parameters']);
  if (!Array.isArray(parameters)) return [];
  return parameters.flatMap((page, index) => (isPlainObject(page) ? checkPage(page, ['spec', 'parameters', index]) : []));
}
