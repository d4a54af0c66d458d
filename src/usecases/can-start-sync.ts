import type { Entity } from '../core/catalog/entity.ts';
import { canonicalEntityRef, entityRefOf } from '../core/catalog/refs.ts';

export interface SyncRequester {
  email?: string;
  groups: readonly Entity[];
}

const normaliseGroupRef = (entry: string): string | undefined => canonicalEntityRef(entry, { defaultKind: 'group', defaultNamespace: 'default' });

/**
 * Whether someone may start a sync by hand: `allowed` lists emails and group refs
 * (`group:platform-team`); `*` allows everyone. An empty list allows nobody: scheduled syncs still run.
 */
export const canStartSync = (allowed: readonly string[], requester: SyncRequester): boolean => {
  if (allowed.includes('*')) return true;
  const email = requester.email?.trim().toLowerCase();
  if (email && allowed.some((entry) => entry.trim().toLowerCase() === email)) return true;
  const groupRefs = new Set(requester.groups.map(entityRefOf));
  return allowed
    .filter((entry) => !entry.includes('@'))
    .some((entry) => {
      const ref = normaliseGroupRef(entry.trim());
      return ref !== undefined && groupRefs.has(ref);
    });
};
