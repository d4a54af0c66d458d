import type { RelationRow } from '../../src/core/catalog/entity.ts';
import type { EntityRecord } from '../../src/core/sync/catalog-write-records.ts';

/** A store-level record for tests that exercise SQL without parsing YAML. */
export const entityRecord = (
  ref: string,
  options: { title?: string; description?: string; tags?: string[]; owner?: string; relations?: Array<[string, string]>; spec?: Record<string, unknown> } = {},
): EntityRecord => {
  const [kindLower, rest] = ref.split(':') as [string, string];
  const [namespace, name] = rest.split('/') as [string, string];
  const kind = kindLower.charAt(0).toUpperCase() + kindLower.slice(1);
  const relations: RelationRow[] = (options.relations ?? []).flatMap(([type, targetRef]) => [{ sourceRef: ref, type, targetRef }]);
  const body = JSON.stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace, ...(options.title ? { title: options.title } : {}), ...(options.description ? { description: options.description } : {}) },
    spec: { ...(options.owner ? { owner: options.owner } : {}), ...options.spec },
  });
  return {
    ref,
    kind,
    namespace,
    name,
    body,
    etag: `${body.length}-${relations.length}`,
    relations,
    search: { name, title: options.title ?? '', description: options.description ?? '', tags: (options.tags ?? []).join(' '), owner: options.owner ?? '' },
  };
};
