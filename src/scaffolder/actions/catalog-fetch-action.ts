import { z } from 'zod';
import { stringifyEntityRef, tryParseEntityRef } from '../../core/catalog/refs.ts';
import { InvalidInputError, NotFoundError } from '../../core/errors.ts';
import type { TemplateAction } from './action.ts';

const schema = z.object({
  entityRef: z.string().optional().describe('Entity reference of the entity to get'),
  entityRefs: z.array(z.string()).optional().describe('Entity references of the entities to get'),
  optional: z.boolean().optional().describe('Allow the entity or entities to be missing; default false'),
  defaultKind: z.string().optional(),
  defaultNamespace: z.string().optional(),
});

/** Backstage's catalog:fetch: outputs `entity` (for `entityRef`) and `entities` (for `entityRefs`), null where missing and optional. */
export const catalogFetchAction: TemplateAction<typeof schema> = {
  id: 'catalog:fetch',
  description: 'Returns entity or entities from the catalog by entity reference(s)',
  schema,
  supportsDryRun: true,
  async run(ctx) {
    const { entityRef, entityRefs, optional, defaultKind, defaultNamespace } = ctx.input;
    if (!entityRef && !entityRefs) {
      if (optional) return;
      throw new InvalidInputError('Missing entity reference or references: give entityRef or entityRefs', {
        fieldErrors: { entityRef: 'entityRef or entityRefs is required' },
      });
    }
    const find = (ref: string, field: string) => {
      const parsed = tryParseEntityRef(ref, { ...(defaultKind ? { defaultKind } : {}), ...(defaultNamespace ? { defaultNamespace } : {}) });
      if (!parsed.ok) throw new InvalidInputError(`${field}: ${parsed.message}`, { fieldErrors: { [field]: parsed.message } });
      const entity = ctx.catalog.entity(stringifyEntityRef(parsed.ref));
      if (!entity && !optional) throw new NotFoundError(`Entity ${ref} not found in the catalog (${field}); set optional: true to allow it`);
      return entity ?? null;
    };
    if (entityRef) ctx.output('entity', find(entityRef, 'entityRef'));
    if (entityRefs)
      ctx.output(
        'entities',
        entityRefs.map((ref, index) => find(ref, `entityRefs[${index}]`)),
      );
  },
};
