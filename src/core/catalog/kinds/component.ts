import { CORE_API_VERSIONS, DEPENDENCY, DEPENDS, OWNER, PART, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString, refList, refString } from './spec-fields.ts';

const specSchema = looseMapping(
  {
    type: nonEmptyString('a non-empty string such as "service", "website" or "library"'),
    lifecycle: nonEmptyString('a non-empty string such as "experimental", "production" or "deprecated"'),
    owner: refString('"team-a" (a Group unless a kind is written) or "user:jdoe"'),
    system: refString('"my-system"').optional(),
    subcomponentOf: refString('"parent-component"').optional(),
    providesApis: refList('"my-api"').optional(),
    consumesApis: refList('"my-api"').optional(),
    dependsOn: refList('"resource:my-db"').optional(),
    dependencyOf: refList('"component:my-app"').optional(),
  },
  'a mapping with at least type, lifecycle and owner',
);

/**
 * Component (compat §2.1). `dependencyOf` is accepted and emitted like Resource's (trap 13):
 * the newest descriptor docs list it on Components, emitting the same pair as the inverse
 * `dependsOn` keeps the graph symmetric whichever side declares the edge, and dropping it
 * silently would lose an edge the author wrote. Older Backstage processors ignore the field.
 */
export const componentKind = defineKind({
  kind: 'Component',
  apiVersions: CORE_API_VERSIONS,
  specSchema,
  refFields: [
    { field: 'owner', defaultKind: 'Group', ...OWNER },
    { field: 'subcomponentOf', defaultKind: 'Component', ...PART },
    { field: 'providesApis', defaultKind: 'API', forward: 'providesApi', inverse: 'apiProvidedBy' },
    { field: 'consumesApis', defaultKind: 'API', forward: 'consumesApi', inverse: 'apiConsumedBy' },
    { field: 'dependsOn', ...DEPENDS },
    { field: 'dependencyOf', ...DEPENDENCY },
    { field: 'system', defaultKind: 'System', ...PART },
  ],
});
