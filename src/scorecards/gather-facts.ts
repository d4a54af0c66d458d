import type { EntityWithRelations } from '../core/catalog/entity.ts';
import { unknownFact, type EntityFacts, type FileFact, type UnknownFact } from '../core/scorecards/facts.ts';
import type { FactsNeeded } from '../core/scorecards/facts-needed.ts';
import type { DocsLibrary } from '../core/docs/docs-library.ts';
import type { CatalogReader } from '../core/ports.ts';
import { mapWithConcurrency } from '../sources/map-with-concurrency.ts';
import { createDependencyLifecycles, type DependencyLifecycles } from './dependency-lifecycles.ts';
import type { EntityLocation } from './results-store.ts';
import type { SourceFileReader } from './source-file-reader.ts';

/** Whether someone is on call for the entity now: true, false, or unknown with why (a provider down or slow). */
export type HasOnCallNow = (entityRef: string) => Promise<boolean | UnknownFact>;

/** Without a docs library (a process that does not read built docs) a `docs` check is unknown, never a guessed pass or fail. */
export const DOCS_NOT_BUILT = 'docs are not built by Callboard yet';

export interface GatherDeps {
  catalog: Pick<CatalogReader, 'dependencyWalk' | 'entityEnvelope'>;
  files: SourceFileReader;
  hasOnCallNow?: HasOnCallNow;
  /** Built docs: when an entity's served site last changed. Absent: `docs` checks are unknown. */
  docs?: Pick<DocsLibrary, 'site'>;
  /** One on-call lookup's limit: a slow provider makes the rule unknown, never a late run. */
  onCallTimeoutMs: number;
  /** On-call lookups in flight at once. */
  onCallConcurrency: number;
  /** Dependency walks shared by the batches of one run (a new one per call when left out). */
  dependencyLifecycles?: DependencyLifecycles;
}

/** One entity to gather facts for, with the union of what its matching scorecards need. */
export interface FactsRequest {
  entity: EntityWithRelations;
  location: EntityLocation;
  needed: FactsNeeded;
}

const withTimeout = async (timeoutMs: number, run: () => Promise<boolean | UnknownFact>): Promise<boolean | UnknownFact> => {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<UnknownFact>((resolve) => {
    timer = setTimeout(() => resolve(unknownFact(`no on-call answer within ${Math.round(timeoutMs / 100) / 10} s`)), timeoutMs);
  });
  try {
    return await Promise.race([
      run().catch((error: unknown) => unknownFact(`on-call lookup failed: ${error instanceof Error ? error.message : String(error)}`)),
      expired,
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/** Union of what several scorecards need for one entity (one scorecard's needs as they are: sorted, each once). */
export const mergeNeeded = (all: readonly FactsNeeded[]): FactsNeeded =>
  all.length === 1
    ? all[0]!
    : {
        files: [...new Set(all.flatMap((needed) => needed.files))].sort(),
        docs: all.some((needed) => needed.docs),
        oncall: all.some((needed) => needed.oncall),
        dependencies: all.some((needed) => needed.dependencies),
      };

/**
 * Gathers the facts for many entities at once: files batched per source and version (one read of each path), on-call
 * lookups bounded in number and time, dependency lifecycles from walks shared by the entities that depend on the same
 * things. Returns facts in the order of `requests`.
 */
export async function gatherFacts(deps: GatherDeps, requests: readonly FactsRequest[]): Promise<EntityFacts[]> {
  const fileFacts = await readFilesBySource(deps.files, requests);
  const onCall = await mapWithConcurrency(requests, deps.onCallConcurrency, async (request): Promise<boolean | UnknownFact> => {
    if (!request.needed.oncall) return unknownFact('on-call was not checked');
    if (!deps.hasOnCallNow) return unknownFact('on-call is not available in this process');
    const lookup = deps.hasOnCallNow;
    return withTimeout(deps.onCallTimeoutMs, () => lookup(request.location.ref));
  });
  const dependencyLifecycles = deps.dependencyLifecycles ?? createDependencyLifecycles(deps.catalog);
  return requests.map((request, index) => {
    const files = fileFacts.get(groupKey(request.location));
    return {
      file: (path: string): FileFact => files?.get(path) ?? unknownFact(`${path} was not read`),
      docsChangedAt: request.needed.docs ? docsChangedAt(deps.docs, request.location.ref) : unknownFact('docs were not checked'),
      onCallNow: onCall[index]!,
      dependsOnLifecycles: request.needed.dependencies
        ? dependencyLifecycles(request.entity, request.location.ref)
        : unknownFact('dependencies were not walked'),
    };
  });
}

const groupKey = (location: EntityLocation): string => `${location.sourceId}\u0000${location.version ?? ''}`;

/** Every needed path once per (source, version), read in one batch per source. */
async function readFilesBySource(files: SourceFileReader, requests: readonly FactsRequest[]): Promise<Map<string, Map<string, FileFact>>> {
  const groups = new Map<string, { location: EntityLocation; paths: Set<string> }>();
  for (const request of requests) {
    if (request.needed.files.length === 0) continue;
    const key = groupKey(request.location);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { location: request.location, paths: new Set() }));
    for (const path of request.needed.files) group.paths.add(path);
  }
  const read = new Map<string, Map<string, FileFact>>();
  for (const [key, group] of groups) {
    const origin = { sourceId: group.location.sourceId, ...(group.location.version ? { version: group.location.version } : {}) };
    read.set(key, await files.readMany(origin, [...group.paths]));
  }
  return read;
}

/**
 * When the entity's served docs last changed; null (the check fails: no rendered docs) when it has no site, which is
 * also the case when every build of its docs failed: a site is listed only once a build succeeded, and a later
 * failure keeps the last good build served, so its change time still counts.
 */
const docsChangedAt = (docs: GatherDeps['docs'], entityRef: string): string | null | UnknownFact => {
  if (!docs) return unknownFact(DOCS_NOT_BUILT);
  return docs.site(entityRef)?.changedAt ?? null;
};
