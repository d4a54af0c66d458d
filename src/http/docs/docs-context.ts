import type { DocsLibrary } from '../../core/docs/docs-library.ts';
import type { CatalogReader } from '../../core/ports.ts';
import type { DocsTemplates } from './docs-templates.ts';
import type { OnCallLine } from './entity-header.ts';

/** What the docs handlers share: the built sites, the catalog, the compiled pages, and where the site is served. */
export interface DocsContext {
  library: DocsLibrary;
  catalog: CatalogReader;
  templates: DocsTemplates;
  /** `http.publicUrl`, else the listening address: the absolute links in JSON answers. */
  publicUrl: string;
  onCallLine?: OnCallLine;
  onCallTimeoutMs: number;
}
