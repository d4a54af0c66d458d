import type { CatalogRuntime } from './catalog-runtime.ts';
import type { Config } from './config/load-config.ts';
import type { PublishedDocs } from './usecases/docs/docs-ports.ts';

/**
 * The address links to docs start with: `http.publicUrl`, else where the one HTTP server listens (`listeningUrl`
 * when it is up, which knows the port it got; else the configured host and port, PORT already applied).
 */
export const docsPublicUrl = (http: Config['http'], listeningUrl?: string): string => {
  if (http.publicUrl) return http.publicUrl.replace(/\/+$/, '');
  if (listeningUrl) return listeningUrl.replace(/\/+$/, '');
  const host = http.host.includes(':') && !http.host.startsWith('[') ? `[${http.host}]` : http.host;
  return `http://${host}:${http.port}`;
};

/**
 * What Slack answers (`/docs`, `/find`, the Docs button, unfurls) and the CLI (`callboard docs`, `callboard ask`) read
 * built docs through: the store's docs library and the public address. The one place they get it from.
 */
export const openPublishedDocs = (config: Config, runtime: Pick<CatalogRuntime, 'docs'>, listeningUrl?: string): PublishedDocs => ({
  library: runtime.docs,
  publicUrl: docsPublicUrl(config.http, listeningUrl),
});
