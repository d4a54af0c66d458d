import type { DocsSiteSummary } from '../../core/docs/docs-library.ts';
import { docsPagePath } from '../../core/docs/docs-url.ts';
import type { HttpResponse } from '../http-types.ts';
import type { DocsContext } from './docs-context.ts';
import { entityDisplayName, findDocsOwner, type DocsOwner } from './docs-owner.ts';
import { htmlResponse } from './docs-responses.ts';
import { formatBuiltAt } from './format-built-at.ts';
import { cssHref, searchBox } from './layout-view.ts';

interface SiteEntry {
  name: string;
  kind: string;
  href: string;
  description?: string;
  siteName: string;
  pageCountText: string;
  builtAt: string;
  builtAtText: string;
  failing: boolean;
}

const NO_OWNER: DocsOwner = { ref: '', name: 'No owner in the catalog' };

const siteEntry = ({ catalog }: DocsContext, site: DocsSiteSummary): SiteEntry => {
  const entity = catalog.entityEnvelope(site.entityRef);
  return {
    name: entityDisplayName(catalog, site.entityRef),
    kind: entity?.kind ?? site.entityRef.split(':')[0]!,
    href: docsPagePath(site.entityRef),
    ...(entity?.metadata.description ? { description: entity.metadata.description } : {}),
    siteName: site.siteName,
    pageCountText: site.pageCount === 1 ? '1 page' : `${site.pageCount} pages`,
    builtAt: site.builtAt,
    builtAtText: formatBuiltAt(site.builtAt),
    failing: site.lastError !== undefined,
  };
};

const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

/** Every documented entity grouped by its owner, teams by name, the unowned last. */
export const groupSitesByOwner = (context: DocsContext): { owner: DocsOwner; sites: SiteEntry[] }[] => {
  const groups = new Map<string, { owner: DocsOwner; sites: SiteEntry[] }>();
  for (const site of context.library.sites()) {
    const owner = findDocsOwner(context.catalog, site.entityRef) ?? NO_OWNER;
    const group = groups.get(owner.ref) ?? { owner, sites: [] };
    group.sites.push(siteEntry(context, site));
    groups.set(owner.ref, group);
  }
  const sorted = [...groups.values()].map((group) => ({ ...group, sites: group.sites.sort(byName) }));
  return sorted.sort((a, b) => (a.owner.ref === '' ? 1 : b.owner.ref === '' ? -1 : byName(a.owner, b.owner)));
};

/** `/docs`: the list of every documented entity, grouped by owner, under a search box. */
export const docsIndexHandler = (context: DocsContext) => async (): Promise<HttpResponse> =>
  htmlResponse(200, context.templates.render('index', { title: 'Docs · Callboard', cssHref, search: searchBox(), groups: groupSitesByOwner(context) }));
