import type { Entity } from '../../core/catalog/entity.ts';
import { entityRefOf } from '../../core/catalog/refs.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { docsHomeOf, type PublishedDocs, type DocsHome } from './docs-ports.ts';
import { documentedPartsOf } from './documented-parts.ts';

/** One team's docs: its own site (if any) and those of what it owns. */
export interface TeamDocs {
  group: Entity;
  documented: DocsHome[];
  /** Owned entities with no built site (the count only: `/docs <name>` says what each needs). */
  undocumented: number;
}

/** Kinds whose docs are worth listing; users and groups own things, they are not documented software. */
const SOFTWARE_KINDS = new Set(['component', 'api', 'resource', 'system', 'domain', 'template']);

/** `/docs` with no argument: for each of the asker's teams, the documented entities it owns (child groups' too). */
export const findTeamDocs = (store: CatalogReader, access: PublishedDocs, groups: readonly Entity[]): TeamDocs[] =>
  groups.map((group) => {
    const ref = entityRefOf(group);
    const ownSite = access.library.site(ref);
    const documented = [...(ownSite ? [docsHomeOf(access, { ...ownSite, entityRef: ref })] : []), ...documentedPartsOf(store, access, ref)];
    const owned = store.ownedBy(ref, { includeChildGroups: true }).filter((entity) => SOFTWARE_KINDS.has(entity.kind.toLowerCase()));
    const documentedRefs = new Set(documented.map((home) => home.entityRef));
    return { group, documented, undocumented: owned.filter((entity) => !documentedRefs.has(entity.ref)).length };
  });
