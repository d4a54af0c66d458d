import type { OnCallProvider } from '../core/oncall/on-call.ts';
import type { CatalogReader } from '../core/ports.ts';
import { findOnCall } from '../usecases/oncall/find-oncall.ts';

export interface DocsOnCallDeps {
  catalog: Pick<CatalogReader, 'entity' | 'entityEnvelope' | 'ownedBy' | 'usersWithEmail'>;
  providers: readonly OnCallProvider[];
  timeoutMs: number;
  clock: { now(): Date };
}

/**
 * The docs page header's on-call line: who is paged first now ("primary: Alice Smith until 2026-12-07 08:00 UTC"),
 * or why nobody can say. Undefined when the entity has no on-call at all, so the header shows nothing.
 */
export const docsOnCallLine =
  (deps: DocsOnCallDeps) =>
  async (entityRef: string): Promise<string | undefined> => {
    const answer = await findOnCall(deps, entityRef, deps.clock.now());
    if (answer.unavailable) return `on-call unavailable: ${answer.unavailable}`;
    const first = answer.schedule?.levels[0];
    if (!first) return undefined;
    if (first.now.length === 0) return `${first.name}: nobody on call now`;
    const people = first.now.map((shift) => shift.person.name).join(', ');
    const until = first.now[0]?.until;
    return `${first.name}: ${people}${until ? ` until ${until.slice(0, 16).replace('T', ' ')} UTC` : ''}`;
  };
