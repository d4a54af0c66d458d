import { CORE_API_VERSIONS, DEPENDENCY, DEPENDS, OWNER, PART, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString, refList, refString } from './spec-fields.ts';

/** Resource (compat §2.3): infrastructure a component needs at runtime. */
export const resourceKind = defineKind({
  kind: 'Resource',
  apiVersions: CORE_API_VERSIONS,
  specSchema: looseMapping(
    {
      type: nonEmptyString('a non-empty string such as "database" or "s3-bucket"'),
      owner: refString('"team-a" (a Group unless a kind is written) or "user:jdoe"'),
      system: refString('"my-system"').optional(),
      dependsOn: refList('"resource:other-db"').optional(),
      dependencyOf: refList('"component:my-app"').optional(),
    },
    'a mapping with at least type and owner',
  ),
  refFields: [
    { field: 'owner', defaultKind: 'Group', ...OWNER },
    { field: 'dependsOn', ...DEPENDS },
    { field: 'dependencyOf', ...DEPENDENCY },
    { field: 'system', defaultKind: 'System', ...PART },
  ],
});
