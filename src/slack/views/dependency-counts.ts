import type { DependencyAnswer } from '../../core/catalog-reader/catalog-answers.ts';
import { groupByDepth, type DependencyNode } from '../../core/graph/dependency-edges.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { plural } from './blocks.ts';
import { shortRef } from './entity-text.ts';

/** Owners named one by one in a summary; the rest are counted together so the text stays short. */
const MAX_OWNERS = 10;
/** Depths counted one by one; a long chain's deeper levels are counted together. */
const MAX_DEPTHS = 12;

const count = (value: number): string => value.toLocaleString('en-US');

/** Ranks counted keys, largest first, ties by name so the summary is stable. */
export const rankCounts = (keys: Iterable<string>): Array<[string, number]> => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};

/** "checkout-team 120 · payments-team 80 · … · 14 other owners (200) · no owner 3". Escaped mrkdwn. */
export const countByOwnerText = (nodes: readonly DependencyNode[]): string => {
  const ranked = rankCounts(nodes.filter((node) => node.ownerRef).map((node) => node.ownerRef!));
  const named = ranked.slice(0, MAX_OWNERS).map(([owner, n]) => `${escapeMrkdwn(truncate(shortRef(owner), 60))} ${count(n)}`);
  const rest = ranked.slice(MAX_OWNERS);
  if (rest.length > 0) named.push(`${rest.length} other owners (${count(rest.reduce((sum, [, n]) => sum + n, 0))})`);
  const unowned = nodes.filter((node) => !node.ownerRef).length;
  if (unowned > 0) named.push(`no owner ${count(unowned)}`);
  return named.join('  ·  ');
};

/** "direct: 4 · depth 2: 12 · … · deeper: 30": the first depths one by one, a long chain's tail together. */
export const countByDepthText = (nodes: readonly DependencyNode[]): string => {
  const groups = [...groupByDepth(nodes)];
  const parts = groups.slice(0, MAX_DEPTHS).map(([depth, group]) => `${depth === 1 ? 'direct' : `depth ${depth}`}: ${count(group.length)}`);
  const deeper = groups.slice(MAX_DEPTHS).reduce((sum, [, group]) => sum + group.length, 0);
  if (deeper > 0) parts.push(`deeper: ${count(deeper)}`);
  return parts.join('  ·  ');
};

/** The budget stopped the walk before it finished the depths listed (rather than only past the depth asked for). */
export const isCutByBudget = (answer: DependencyAnswer): boolean => answer.budgetReached && answer.beyondDepth === 0;

/** "137 entities within 3 hops" / "5,000+ entities over all hops", with entities missing from the catalog. */
export const dependencyStatsText = (answer: DependencyAnswer): string => {
  const reach = answer.depth === undefined ? 'over all hops' : `within ${plural(answer.depth, 'hop')}`;
  const listed = `${count(answer.nodes.length)}${isCutByBudget(answer) ? '+' : ''} ${answer.nodes.length === 1 ? 'entity' : 'entities'}`;
  const missing = answer.nodes.filter((node) => !node.exists).length;
  return `${listed} ${reach}${missing > 0 ? `  ·  :warning: ${count(missing)} not in the catalog` : ''}`;
};

/**
 * What lies past the answer, said plainly: past the node budget ("stopped after 5,000 entities; there
 * are more") and past the depth asked for ("42 more entities lie beyond 3 hops"). Empty when nothing does.
 */
export const dependencyLimitLines = (answer: DependencyAnswer): string[] => {
  const lines: string[] = [];
  if (isCutByBudget(answer)) {
    lines.push(
      `:warning: *Stopped after ${plural(answer.budget, 'entity', 'entities')}; there are more.* The nearest are listed first; add \`--depth N\` to ask for fewer hops.`,
    );
  }
  if (answer.depth !== undefined && answer.beyondDepth > 0) {
    const more = `${answer.budgetReached ? 'At least ' : ''}${plural(answer.beyondDepth, 'more entity', 'more entities')}`;
    const verb = answer.beyondDepth === 1 && !answer.budgetReached ? 'lies' : 'lie';
    const stop = answer.budgetReached ? ` (the walk stops after ${plural(answer.budget, 'entity', 'entities')})` : '';
    lines.push(`*${more} ${verb} beyond ${plural(answer.depth, 'hop')}*${stop}. *Show all hops* lists them.`);
  }
  return lines;
};
