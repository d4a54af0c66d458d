import { CORE_API_VERSIONS, OWNER, PART, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString, refString } from './spec-fields.ts';

/** Domain (compat §2.5); `subdomainOf` and `type` are the newer optional fields. */
export const domainKind = defineKind({
  kind: 'Domain',
  apiVersions: CORE_API_VERSIONS,
  specSchema: looseMapping(
    {
      owner: refString('"team-a" (a Group unless a kind is written) or "user:jdoe"'),
      subdomainOf: refString('"parent-domain"').optional(),
      type: nonEmptyString('a non-empty string such as "product-area"').optional(),
    },
    'a mapping with at least owner',
  ),
  refFields: [
    { field: 'owner', defaultKind: 'Group', ...OWNER },
    { field: 'subdomainOf', defaultKind: 'Domain', ...PART },
  ],
});
