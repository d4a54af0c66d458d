import type { Entity } from '../../core/catalog/entity.ts';
import type { CatalogReader } from '../../core/ports.ts';

/** `user` in expressions: the requester's ref and catalog entity, when a catalog User matches. */
export const userScope = (catalog: CatalogReader, userRef: string | undefined): { ref?: string; entity?: Entity } => {
  if (userRef === undefined) return {};
  const entity = catalog.entityEnvelope(userRef);
  return { ref: userRef, ...(entity ? { entity } : {}) };
};

/** What `${{ }}` sees in steps and outputs, as Backstage's workflow runner builds it. */
export const runScope = (options: {
  runId: string;
  parameters: Record<string, unknown>;
  secrets: Readonly<Record<string, string>>;
  user: { ref?: string; entity?: Entity };
  steps: Record<string, { output: Record<string, unknown> }>;
}): Record<string, unknown> => ({
  parameters: options.parameters,
  steps: options.steps,
  user: options.user,
  secrets: options.secrets,
  context: { task: { id: options.runId } },
});
