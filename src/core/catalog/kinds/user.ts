import { CORE_API_VERSIONS, defineKind } from './define-kind.ts';
import { looseMapping, profileSchema, refList } from './spec-fields.ts';

/** User (compat §2.7). `memberOf` is required but may be `[]` (trap 5); direct memberships only. */
export const userKind = defineKind({
  kind: 'User',
  apiVersions: CORE_API_VERSIONS,
  specSchema: looseMapping(
    {
      profile: profileSchema.optional(),
      memberOf: refList('"team-a" (a Group unless a kind is written)'),
    },
    'a mapping with at least memberOf (memberOf may be [])',
  ),
  refFields: [{ field: 'memberOf', defaultKind: 'Group', forward: 'memberOf', inverse: 'hasMember' }],
});
