import type { EntityWithRelations } from '../../core/catalog/entity.ts';

const field = (label: string, value: unknown): string[] => (value === undefined || value === '' ? [] : [`${label.padEnd(13)}${String(value)}`]);

/** A readable summary of one entity: identity, key spec fields, links and relations. */
export const formatEntity = (entity: EntityWithRelations): string => {
  const { metadata, spec = {} } = entity;
  const lines = [
    `${entity.kind} ${metadata.namespace ?? 'default'}/${metadata.name}${metadata.title ? ` — ${metadata.title}` : ''}`,
    ...field('description', metadata.description),
    ...field('type', spec.type),
    ...field('lifecycle', spec.lifecycle),
    ...field('owner', spec.owner),
    ...field('system', spec.system),
    ...field('tags', metadata.tags?.join(', ')),
  ];
  for (const link of metadata.links ?? []) lines.push(`${'link'.padEnd(13)}${link.title ? `${link.title}: ` : ''}${link.url}`);
  if (entity.relations.length > 0) {
    lines.push('relations');
    for (const relation of entity.relations) lines.push(`  ${relation.type.padEnd(14)}${relation.targetRef}`);
  }
  return lines.join('\n');
};
