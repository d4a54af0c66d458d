import { z } from 'zod';
import { CORE_API_VERSIONS, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString } from './spec-fields.ts';

/** Location (compat §2.8): points at more catalog files; `spec` is required but may be `{}`. No relations. */
export const locationKind = defineKind({
  kind: 'Location',
  apiVersions: CORE_API_VERSIONS,
  specSchema: looseMapping(
    {
      type: nonEmptyString('a non-empty string such as "url" or "file"').optional(),
      target: nonEmptyString('a non-empty path or URL such as "./catalog-info.yaml"').optional(),
      targets: z
        .array(nonEmptyString('a non-empty path or URL such as "./catalog-info.yaml"'), {
          error: 'a list of paths or URLs such as ["./a/catalog-info.yaml"]',
        })
        .optional(),
      presence: z.enum(['required', 'optional'], { error: '"required" or "optional"' }).optional(),
    },
    'a mapping (it may be empty: {})',
  ),
  refFields: [],
});
