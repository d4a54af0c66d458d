import { z } from 'zod';
import { BUILTIN_ACTION_IDS } from '../../scaffolder/builtin-action-ids.ts';
import { validateTemplate } from '../../scaffolder/validate-template.ts';
import type { Entity } from '../entity.ts';
import type { KindDefinition } from '../kind-registry.ts';
import { OWNER, defineKind } from './define-kind.ts';
import { looseMapping, nonEmptyString, refString } from './spec-fields.ts';

const conditionSchema = z.union([z.string(), z.boolean()], { error: 'a string or a boolean' });
const PAGE = 'a mapping (a JSON Schema form page)';

const stepSchema = looseMapping(
  {
    id: z.string({ error: 'a string' }).optional(),
    name: z.string({ error: 'a string' }).optional(),
    action: z.string({ error: 'an action id string such as "fetch:template"' }),
    input: looseMapping({}, 'a mapping of action inputs').optional(),
    if: conditionSchema.optional(),
  },
  'a mapping with at least an action',
);

const outputItem = (fields: z.ZodRawShape, expected: string) => looseMapping({ if: conditionSchema.optional(), ...fields }, expected);

const outputSchema = looseMapping(
  {
    links: z
      .array(
        outputItem(
          {
            url: nonEmptyString('a non-empty URL').optional(),
            entityRef: nonEmptyString('a non-empty entity ref').optional(),
            title: nonEmptyString('a non-empty title').optional(),
            icon: nonEmptyString('a non-empty icon name').optional(),
          },
          'a mapping with url or entityRef, and title',
        ),
        { error: 'a list of links' },
      )
      .optional(),
    text: z
      .array(
        outputItem(
          {
            title: nonEmptyString('a non-empty title').optional(),
            icon: nonEmptyString('a non-empty icon name').optional(),
            content: z.string({ error: 'a string (Markdown)' }).optional(),
          },
          'a mapping with title and content',
        ),
        { error: 'a list of text blocks' },
      )
      .optional(),
  },
  'a mapping of outputs',
  // Backstage's schema types every other output value as a (templated) string.
).catchall(z.string({ error: 'a string (output values other than links and text are templated strings)' }));

/**
 * Template, scaffolder.backstage.io/v1beta3 only (compat §2.9, trap 28): the legacy
 * backstage.io/v1beta2 format is not registered, so such entities fail the kind lookup.
 */
export const templateKind = {
  ...defineKind({
    kind: 'Template',
    apiVersions: ['scaffolder.backstage.io/v1beta3'],
    specSchema: looseMapping(
      {
        type: nonEmptyString('a non-empty string such as "service" or "website"'),
        owner: refString('"team-a" (a Group unless a kind is written) or "user:jdoe"').optional(),
        lifecycle: nonEmptyString('a non-empty string such as "production"').optional(),
        parameters: z
          .union([looseMapping({}, PAGE), z.array(looseMapping({}, PAGE))], {
            error: 'a mapping (one form page) or a list of mappings (one per page)',
          })
          .optional(),
        steps: z.array(stepSchema, { error: 'a list of steps, each a mapping with an action' }),
        output: outputSchema.optional(),
      },
      'a mapping with at least type and steps',
    ),
    refFields: [{ field: 'owner', defaultKind: 'Group', ...OWNER }],
  }),
  // Unknown actions, expressions that do not parse, invalid parameter schemas, duplicate step ids: the template
  // stays listed but each is an error on it, with its line.
  usageIssues: (entity: Entity) => validateTemplate(entity, BUILTIN_ACTION_IDS),
} satisfies KindDefinition;
