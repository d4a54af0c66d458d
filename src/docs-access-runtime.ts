import type { CatalogRuntime } from './catalog-runtime.ts';
import type { Config } from './config/load-config.ts';
import type { DocsLibrary } from './core/docs/docs-library.ts';
import type { DocsAccess } from './usecases/docs/docs-ports.ts';

/** The address links to docs start with: `http.publicUrl`, else where the one HTTP server listens (PORT already applied). */
export const docsPublicUrl = (http: Config['http']): string => {
  if (http.publicUrl) return http.publicUrl.replace(/\/+$/, '');
  const host = http.host.includes(':') && !http.host.startsWith('[') ? `[${http.host}]` : http.host;
  return `http://${host}:${http.port}`;
};

/**
 * The docs library the store keeps (built sites, pages, section search). WIRING POINT: the SQLite library from
 * src/store (issue 12's docs store) is returned here once it exists; until then there is none, and `/docs`, the Docs
 * button and unfurls answer from the links and annotations catalog files declare, as before built docs.
 */
const docsLibraryOf = (_runtime: CatalogRuntime): DocsLibrary | undefined => undefined;

/**
 * What Slack answers and the CLI read docs through: the built sites and the public address. Undefined when this
 * Callboard has no docs library. The one place `npm start`, `callboard ask` and `callboard docs` get docs from.
 */
export const openDocsAccess = (config: Config, runtime: CatalogRuntime): DocsAccess | undefined => {
  const library = docsLibraryOf(runtime);
  return library ? { library, publicUrl: docsPublicUrl(config.http) } : undefined;
};
