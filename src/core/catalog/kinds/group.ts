import { CORE_API_VERSIONS, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString, profileSchema, refList, refString } from './spec-fields.ts';

/**
 * Group (compat §2.6). `children` is required but may be `[]` (trap 5). `parent` and
 * `children` may declare the same edge from both sides; rows are deduplicated downstream.
 */
export const groupKind = defineKind({
  kind: 'Group',
  apiVersions: CORE_API_VERSIONS,
  specSchema: looseMapping(
    {
      type: nonEmptyString('a non-empty string such as "team" or "business-unit"'),
      profile: profileSchema.optional(),
      parent: refString('"parent-group"').optional(),
      children: refList('"child-group"'),
      members: refList('"jdoe" (a User unless a kind is written)').optional(),
      leader: refString('"jdoe"').optional(),
    },
    'a mapping with at least type and children (children may be [])',
  ),
  refFields: [
    { field: 'parent', defaultKind: 'Group', forward: 'childOf', inverse: 'parentOf' },
    { field: 'children', defaultKind: 'Group', forward: 'parentOf', inverse: 'childOf' },
    { field: 'members', defaultKind: 'User', forward: 'hasMember', inverse: 'memberOf' },
  ],
});
