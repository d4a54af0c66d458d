import type { CatalogReader } from '../../core/ports.ts';

/**
 * True when the user belongs to one of `groupRefs`, directly or through a group below one of them (a member of
 * `group:default/payments` belongs to `group:default/engineering` when payments is a child of engineering).
 * Walks up from the user's own groups along `childOf`, so the cost is the depth of the tree, not its width.
 */
export const isMemberOfAny = (catalog: CatalogReader, userRef: string | undefined, groupRefs: readonly string[]): boolean => {
  if (userRef === undefined || groupRefs.length === 0) return false;
  const wanted = new Set(groupRefs.map((ref) => ref.toLowerCase()));
  const seen = new Set<string>();
  let frontier = catalog.relatedRefs(userRef, 'memberOf');
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const group of frontier) {
      const key = group.toLowerCase();
      if (wanted.has(key)) return true;
      if (seen.has(key)) continue;
      seen.add(key);
      next.push(...catalog.relatedRefs(group, 'childOf'));
    }
    frontier = next;
  }
  return false;
};
