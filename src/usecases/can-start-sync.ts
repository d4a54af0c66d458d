import type { Entity } from '../core/catalog/entity.ts';
import { canonicalEntityRef, entityRefOf } from '../core/catalog/refs.ts';

export interface SyncRequester {
  email?: string;
  groups: readonly Entity[];
}

const normaliseGroupRef = (entry: string): string | undefined => canonicalEntityRef(entry, { defaultKind: 'group', defaultNamespace: 'default' });

/**
 * Whether a person is on a list of people from callboard.yaml: entries are emails and group refs
 * (`group:platform-team`, `platform-team`); `*` is everyone. An empty list names nobody.
 */
export const isListed = (list: readonly string[], requester: SyncRequester): boolean => {
  if (list.includes('*')) return true;
  const email = requester.email?.trim().toLowerCase();
  if (email && list.some((entry) => entry.trim().toLowerCase() === email)) return true;
  const groupRefs = new Set(requester.groups.map(entityRefOf));
  return list
    .filter((entry) => !entry.includes('@'))
    .some((entry) => {
      const ref = normaliseGroupRef(entry.trim());
      return ref !== undefined && groupRefs.has(ref);
    });
};

/** Whether someone may start a sync by hand (`slack.syncAllowed`). Nobody by default: scheduled syncs still run. */
export const canStartSync = (allowed: readonly string[], requester: SyncRequester): boolean => isListed(allowed, requester);

/** Whether someone is a Callboard admin (`slack.admins`): they may see every team's problems. Nobody by default. */
export const isCallboardAdmin = (admins: readonly string[] | undefined, requester: SyncRequester): boolean => isListed(admins ?? [], requester);
