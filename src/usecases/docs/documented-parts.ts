import type { CatalogReader } from '../../core/ports.ts';
import { docsHomeOf, type PublishedDocs, type DocsHome } from './docs-ports.ts';

/** Enough for any real system or team; a group owning thousands is cut here rather than walked. */
const MAX_PARTS = 500;

/** What an entity is made of: a domain's systems and their parts, a system's parts, what a group owns (child groups too). */
const partRefsOf = (store: CatalogReader, ref: string): string[] => {
  const kind = ref.slice(0, ref.indexOf(':'));
  if (kind === 'group') return store.ownedBy(ref, { includeChildGroups: true }).map((owned) => owned.ref);
  if (kind === 'system') return store.relatedRefs(ref, 'hasPart');
  if (kind === 'domain') return store.relatedRefs(ref, 'hasPart').flatMap((system) => [system, ...store.relatedRefs(system, 'hasPart')]);
  return [];
};

/** The documented entities inside `ref` (see partRefsOf), sorted by site name; none for an entity of another kind. */
export const documentedPartsOf = (store: CatalogReader, access: PublishedDocs, ref: string): DocsHome[] => {
  const homes = [...new Set(partRefsOf(store, ref))].slice(0, MAX_PARTS).flatMap((part) => {
    const site = access.library.site(part);
    return site ? [docsHomeOf(access, { ...site, entityRef: part })] : [];
  });
  return homes.sort((a, b) => a.siteName.localeCompare(b.siteName) || a.entityRef.localeCompare(b.entityRef));
};
