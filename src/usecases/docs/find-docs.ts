import type { CatalogReader } from '../../core/ports.ts';
import { docsHomeOf, linkDocsHit, type PublishedDocs, type DocsHome, type LinkedDocsHit } from './docs-ports.ts';
import { documentedPartsOf } from './documented-parts.ts';

/** Sections shown for `/docs <entity> <words>`: a screenful, each with its snippet. */
export const DOCS_HITS_LIMIT = 5;
/** How many hits are read when only some entities' sections count (the parts of a system or a team). */
const PARTS_SEARCH_LIMIT = 200;

/** `/docs <entity> [words]`: the entity's site and its best sections, or why it has none. */
export type DocsAnswer =
  | { status: 'site'; entityRef: string; words: string; home: DocsHome; hits: LinkedDocsHit[] }
  | {
      status: 'none';
      entityRef: string;
      words: string;
      /** `backstage.io/techdocs-ref` as written, when the entity has one (then the build has not produced a site). */
      techdocsRef?: string;
      /** Why its docs could not be built, from the catalog's problems about it. */
      buildError?: string;
      /** For a system, domain or team: the documented entities it is made of or owns, and their best sections. */
      parts: DocsHome[];
      hits: LinkedDocsHit[];
    };

/** Why the entity's docs could not be built: the docs build records its errors as the entity's problems of origin `docs`. */
const buildErrorOf = (store: CatalogReader, ref: string): string | undefined =>
  store.problems({ entityRefs: [ref], severity: 'error' }).find((problem) => problem.origin === 'docs')?.message;

const partsHits = (access: PublishedDocs, words: string, parts: readonly DocsHome[]): LinkedDocsHit[] => {
  if (!words || parts.length === 0) return [];
  const refs = new Set(parts.map((part) => part.entityRef));
  return access.library
    .search(words, { limit: PARTS_SEARCH_LIMIT })
    .filter((hit) => refs.has(hit.entityRef))
    .slice(0, DOCS_HITS_LIMIT)
    .map((hit) => linkDocsHit(access, hit));
};

/**
 * The docs of a resolved entity: its rendered site's home and, with `words`, its best matching sections as deep
 * links. Without a site of its own: what it declares, why the build failed, and for a system, domain or team
 * the documented entities inside it (so `/docs payments runbook` finds the payments services' runbooks).
 */
export const findDocs = (store: CatalogReader, access: PublishedDocs, ref: string, words = ''): DocsAnswer => {
  const site = access.library.site(ref);
  const query = words.trim();
  // A site whose first build failed has nothing to serve: it is answered as no site, with the failure.
  if (site && (site.pageCount > 0 || !site.lastError)) {
    const hits = query ? access.library.search(query, { entityRef: ref, limit: DOCS_HITS_LIMIT }).map((hit) => linkDocsHit(access, hit)) : [];
    return { status: 'site', entityRef: ref, words: query, home: docsHomeOf(access, { ...site, entityRef: ref }), hits };
  }
  const techdocsRef = store.entityEnvelope(ref)?.metadata.annotations?.['backstage.io/techdocs-ref']?.trim();
  const buildError = site?.lastError ?? buildErrorOf(store, ref);
  const parts = documentedPartsOf(store, access, ref);
  return {
    status: 'none',
    entityRef: ref,
    words: query,
    ...(techdocsRef ? { techdocsRef } : {}),
    ...(buildError ? { buildError } : {}),
    parts,
    hits: partsHits(access, query, parts),
  };
};
