/** What every docs page's layout needs: the stylesheet and the search box. */

export const STATIC_ROOT = '/docs/_static/';
export const cssHref = `${STATIC_ROOT}docs.css`;

export interface SearchBox {
  label: string;
  q?: string;
  /** Limits the search to one entity's docs (a hidden field). */
  entityRef?: string;
}

export const searchBox = (box: Partial<SearchBox> = {}): SearchBox => ({ label: 'Search all docs', ...box });
