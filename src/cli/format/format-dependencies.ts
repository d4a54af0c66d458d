import { groupByDepth } from '../../core/graph/dependency-edges.ts';
import type { DependencyAnswer } from '../../core/catalog-reader/catalog-answers.ts';

const reachText = (answer: DependencyAnswer): string => (answer.depth === undefined ? 'all hops' : `depth ≤ ${answer.depth}`);

/** What lies past the list: past the node budget, past the depth asked for. Empty when nothing does. */
const limitLines = (answer: DependencyAnswer): string[] => {
  const lines: string[] = [];
  if (answer.budgetReached && answer.beyondDepth === 0)
    lines.push(`stopped after ${answer.budget} entities; there are more (use --depth to ask for fewer hops)`);
  if (answer.depth !== undefined && answer.beyondDepth > 0) {
    lines.push(`${answer.budgetReached ? 'at least ' : ''}${answer.beyondDepth} more beyond depth ${answer.depth} (leave out --depth to list every hop)`);
  }
  return lines;
};

/** Dependencies grouped by depth, each with its owner; dangling refs are marked; what lies beyond is counted. */
export const formatDependencies = (answer: DependencyAnswer): string => {
  const verb = answer.direction === 'forward' ? 'depends on' : 'is depended on by';
  if (answer.nodes.length === 0) return [`${answer.ref} ${verb} nothing (${reachText(answer)}).`, ...limitLines(answer)].join('\n');
  const lines = [`${answer.ref} ${verb} ${answer.nodes.length} entit${answer.nodes.length === 1 ? 'y' : 'ies'} (${reachText(answer)}):`];
  for (const [depth, nodes] of groupByDepth(answer.nodes)) {
    lines.push(`depth ${depth} (${nodes.length})`);
    for (const node of nodes) {
      const owner = node.ownerRef ? `  owner ${node.ownerRef}` : '';
      lines.push(`  ${node.ref}${node.exists ? '' : '  [not in catalog]'}${owner}`);
    }
  }
  return [...lines, ...limitLines(answer)].join('\n');
};
