import type { DocsLibrary } from '../../core/docs/docs-library.ts';
import { docsPagePath } from '../../core/docs/docs-url.ts';
import type { CatalogReader } from '../../core/ports.ts';
import type { HttpResponse } from '../http-types.ts';
import { htmlResponse } from './docs-responses.ts';
import type { DocsTemplates } from './docs-templates.ts';
import { cssHref, searchBox } from './layout-view.ts';

export interface NotFoundView {
  heading: string;
  message: string;
  suggestions: { text: string; href?: string }[];
}

const everyDocs = { text: 'Browse every documented entity', href: '/docs' };

/** A friendly 404 page that says what to do next. */
export const notFoundResponse = (templates: DocsTemplates, view: NotFoundView, entityRef?: string): HttpResponse =>
  htmlResponse(
    404,
    templates.render('not-found', {
      title: `${view.heading} · Callboard docs`,
      cssHref,
      search: searchBox(entityRef ? { entityRef, label: 'Search these docs' } : {}),
      ...view,
    }),
  );

/** No docs page at this address: the URL shape is wrong, or a path is refused. */
export const noSuchPath = (): NotFoundView => ({
  heading: 'No docs page here',
  message: 'Docs pages live at /docs/<namespace>/<kind>/<name>/, the same shape as Backstage TechDocs links.',
  suggestions: [everyDocs, { text: 'Or search with the box above.' }],
});

/** No built docs for the entity: say whether the catalog knows it, and how docs get built. */
export const noSuchSite = (catalog: CatalogReader, entityRef: string): NotFoundView => {
  const known = catalog.entityEnvelope(entityRef) !== undefined;
  return {
    heading: known ? `No docs for ${entityRef}` : `No entity ${entityRef}`,
    message: known
      ? `${entityRef} is in the catalog but has no built docs. Add the backstage.io/techdocs-ref annotation (for example dir:.) next to a mkdocs.yml or a docs/ folder; docs are built at the next sync, and callboard errors lists build problems.`
      : `The catalog has no entity ${entityRef}. Check the namespace, kind and name in the address, or search for it.`,
    suggestions: [everyDocs],
  };
};

/** The site exists but not this page: point at its home page and its search. */
export const noSuchPage = (library: DocsLibrary, entityRef: string, pagePath: string): NotFoundView => {
  const site = library.site(entityRef);
  return {
    heading: 'No such page',
    message: `${site?.siteName ?? entityRef} has no page or file at ${pagePath}. It may have been moved or renamed in the last docs build.`,
    suggestions: [{ text: `Go to the home page of ${site?.siteName ?? entityRef}`, href: docsPagePath(entityRef) }, everyDocs],
  };
};
