import { parseEntityRef, stringifyEntityRef } from '../catalog/refs.ts';

/**
 * Backstage's TechDocs URL shape, `/docs/<namespace>/<kind>/<name>/<page path>#<anchor>`, so a link pasted from
 * Backstage works on Callboard once the host is swapped. Entity refs are canonical (lower case) already.
 */
export const DOCS_ROOT = '/docs';

const encodeSegments = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** The site-relative path of an entity's docs page (`pagePath` '' or ending in '/'), with an optional anchor. */
export const docsPagePath = (entityRef: string, pagePath = '', anchor = ''): string => {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const base = `${DOCS_ROOT}/${encodeURIComponent(namespace)}/${encodeURIComponent(kind)}/${encodeURIComponent(name)}/`;
  return `${base}${encodeSegments(pagePath)}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
};

/** The absolute URL of a docs page under Callboard's public address (`http.publicUrl`, else the listening address). */
export const docsPageUrl = (publicUrl: string, entityRef: string, pagePath = '', anchor = ''): string =>
  `${publicUrl.replace(/\/+$/, '')}${docsPagePath(entityRef, pagePath, anchor)}`;

/** What a decoded request path below `/docs/` names: the entity and the rest of the path (a page or an asset). */
export interface DocsTarget {
  entityRef: string;
  rest: string;
}

/**
 * Splits an already percent-decoded path `/docs/<ns>/<kind>/<name>/<rest>`; undefined when it is not one.
 * Checking `rest` for traversal is the caller's job (the server refuses it before any lookup).
 */
export const parseDocsPath = (path: string): DocsTarget | undefined => {
  const match = /^\/docs\/([^/]+)\/([^/]+)\/([^/]+)(?:\/(.*))?$/.exec(path);
  if (!match) return undefined;
  const [, namespace, kind, name, rest = ''] = match as unknown as [string, string, string, string, string | undefined];
  return { entityRef: stringifyEntityRef({ kind, namespace, name }), rest };
};
