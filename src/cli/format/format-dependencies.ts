import { groupByDepth } from '../../core/graph/dependency-edges.ts';
import type { DependencyAnswer } from '../../core/catalog-reader/catalog-answers.ts';

/** Dependencies grouped by depth, each with its owner; dangling refs are marked. */
export const formatDependencies = (answer: DependencyAnswer): string => {
  const verb = answer.direction === 'forward' ? 'depends on' : 'is depended on by';
  if (answer.nodes.length === 0) return `${answer.ref} ${verb} nothing (depth ${answer.depth}).`;
  const lines = [`${answer.ref} ${verb} ${answer.nodes.length} entit${answer.nodes.length === 1 ? 'y' : 'ies'} (depth ≤ ${answer.depth}):`];
  for (const [depth, nodes] of groupByDepth(answer.nodes)) {
    lines.push(`depth ${depth} (${nodes.length})`);
    for (const node of nodes) {
      const owner = node.ownerRef ? `  owner ${node.ownerRef}` : '';
      lines.push(`  ${node.ref}${node.exists ? '' : '  [not in catalog]'}${owner}`);
    }
  }
  return lines.join('\n');
};
