import { CORE_API_VERSIONS, OWNER, PART, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString, refString } from './spec-fields.ts';

/** System (compat §2.4): a collection of components, APIs and resources. */
export const systemKind = defineKind({
  kind: 'System',
  apiVersions: CORE_API_VERSIONS,
  specSchema: looseMapping(
    {
      owner: refString('"team-a" (a Group unless a kind is written) or "user:jdoe"'),
      domain: refString('"my-domain"').optional(),
      type: nonEmptyString('a non-empty string such as "product" or "feature-set"').optional(),
    },
    'a mapping with at least owner',
  ),
  refFields: [
    { field: 'owner', defaultKind: 'Group', ...OWNER },
    { field: 'domain', defaultKind: 'Domain', ...PART },
  ],
});
