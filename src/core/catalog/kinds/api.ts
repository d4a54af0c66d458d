import type { Entity } from '../entity.ts';
import { formatPath, isPlainObject } from '../issue-text.ts';
import type { KindDefinition, SchemaIssue } from '../kind-registry.ts';
import { CORE_API_VERSIONS, OWNER, PART, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString, refString } from './spec-fields.ts';

// API types that Backstage's AI module lets go without a definition; Callboard has no such module.
const AI_MODULE_TYPES = new Set(['mcp-server', 'ai-model-server']);

const DEFINITION_EXPECTED = 'a non-empty string holding the API definition (use a "|" block scalar, or "$text: ./openapi.yaml" to load it from a file)';

const baseKind = defineKind({
  kind: 'API',
  apiVersions: CORE_API_VERSIONS,
  specSchema: looseMapping(
    {
      type: nonEmptyString('a non-empty string such as "openapi", "asyncapi", "graphql" or "grpc"'),
      lifecycle: nonEmptyString('a non-empty string such as "experimental", "production" or "deprecated"'),
      owner: refString('"team-a" (a Group unless a kind is written) or "user:jdoe"'),
      system: refString('"my-system"').optional(),
      // Must be a string (trap 4): an OpenAPI document written as a YAML mapping is invalid.
      definition: nonEmptyString(DEFINITION_EXPECTED),
    },
    'a mapping with at least type, lifecycle, owner and definition',
  ),
  refFields: [
    { field: 'owner', defaultKind: 'Group', ...OWNER },
    { field: 'system', defaultKind: 'System', ...PART },
  ],
});

/** Adds the reason behind the two definition mistakes people actually make. */
const explainDefinitionIssue = (issue: SchemaIssue, entity: Entity): SchemaIssue => {
  if (formatPath(issue.path) !== 'spec.definition') return issue;
  const spec = isPlainObject(entity.spec) ? entity.spec : {};
  if (spec.definition === undefined && typeof spec.type === 'string' && AI_MODULE_TYPES.has(spec.type)) {
    const note = `an API of type "${spec.type}" may omit it only with Backstage's AI module, which Callboard does not include`;
    return { ...issue, message: `${issue.message}; ${note}` };
  }
  if (isPlainObject(spec.definition) && ('$openapi' in spec.definition || '$asyncapi' in spec.definition)) {
    return { ...issue, message: `${issue.message}; $openapi and $asyncapi need Backstage's OpenAPI module, which Callboard does not include` };
  }
  return issue;
};

/** API (compat §2.2): `definition` is a required string; no AI-module exemptions. */
export const apiKind: KindDefinition = {
  ...baseKind,
  validateSpec: (entity) => baseKind.validateSpec(entity).map((issue) => explainDefinitionIssue(issue, entity)),
};
