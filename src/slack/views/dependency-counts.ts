import type { DependencyNode } from '../../core/graph/dependency-edges.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { shortRef } from './entity-text.ts';

/** Owners named one by one in a summary; the rest are counted together so the text stays short. */
const MAX_OWNERS = 10;

/** Ranks counted keys, largest first, ties by name so the summary is stable. */
export const rankCounts = (keys: Iterable<string>): Array<[string, number]> => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
};

/** "checkout-team 120 · payments-team 80 · … · 14 other owners (200) · no owner 3". Escaped mrkdwn. */
export const countByOwnerText = (nodes: readonly DependencyNode[]): string => {
  const ranked = rankCounts(nodes.filter((node) => node.ownerRef).map((node) => node.ownerRef!));
  const named = ranked.slice(0, MAX_OWNERS).map(([owner, count]) => `${escapeMrkdwn(truncate(shortRef(owner), 60))} ${count.toLocaleString('en-US')}`);
  const rest = ranked.slice(MAX_OWNERS);
  if (rest.length > 0) named.push(`${rest.length} other owners (${rest.reduce((sum, [, count]) => sum + count, 0).toLocaleString('en-US')})`);
  const unowned = nodes.filter((node) => !node.ownerRef).length;
  if (unowned > 0) named.push(`no owner ${unowned.toLocaleString('en-US')}`);
  return named.join('  ·  ');
};
