import type { DocsLibrary } from '../../core/docs/docs-library.ts';
import { docsPagePath } from '../../core/docs/docs-url.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { entityDisplayName, findDocsOwner, type DocsOwner } from './docs-owner.ts';
import { safeHref } from './safe-href.ts';

/** Who is on call for an entity, one line; the lead wires it to the on-call rotations. */
export type OnCallLine = (entityRef: string) => Promise<string | undefined>;

export interface EntityHeaderDeps {
  catalog: CatalogReader;
  library: DocsLibrary;
  onCallLine?: OnCallLine;
  /** How long a page waits for the on-call line before it is drawn without one. */
  onCallTimeoutMs: number;
}

export interface EntityHeader {
  entity: { ref: string; name: string; kind: string; href: string };
  owner?: DocsOwner;
  system?: { name: string; href?: string };
  onCall?: string;
  /** Where the entity says it is edited (`backstage.io/edit-url`, else its source location), for pages with no edit URL. */
  editUrl?: string;
}

/** Undefined when the answer takes longer than `ms` or fails: the page never waits on a slow on-call lookup. */
const withinTime = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(undefined)),
    );
  });

const findSystem = ({ catalog, library }: EntityHeaderDeps, entityRef: string): EntityHeader['system'] => {
  const systemRef = catalog.relatedRefs(entityRef, 'partOf').find((ref) => ref.startsWith('system:'));
  if (!systemRef) return undefined;
  const name = entityDisplayName(catalog, systemRef);
  return library.site(systemRef) ? { name, href: docsPagePath(systemRef) } : { name };
};

const entityEditUrl = (catalog: CatalogReader, entityRef: string): string | undefined => {
  const annotations = catalog.entityEnvelope(entityRef)?.metadata.annotations ?? {};
  const source = annotations['backstage.io/source-location']?.replace(/^url:/, '');
  return safeHref(annotations['backstage.io/edit-url']) ?? safeHref(source);
};

/** The header of an entity's docs pages: the entity, its owner and channel, its system, who is on call. */
export const findEntityHeader = async (deps: EntityHeaderDeps, entityRef: string): Promise<EntityHeader> => {
  const { catalog, onCallLine } = deps;
  const onCall = onCallLine
    ? await withinTime(
        Promise.resolve().then(() => onCallLine(entityRef)),
        deps.onCallTimeoutMs,
      )
    : undefined;
  const kind = catalog.entityEnvelope(entityRef)?.kind ?? entityRef.split(':')[0]!;
  const owner = findDocsOwner(catalog, entityRef);
  const system = findSystem(deps, entityRef);
  const editUrl = entityEditUrl(catalog, entityRef);
  return {
    entity: { ref: entityRef, name: entityDisplayName(catalog, entityRef), kind, href: docsPagePath(entityRef) },
    ...(owner ? { owner } : {}),
    ...(system ? { system } : {}),
    ...(onCall ? { onCall } : {}),
    ...(editUrl ? { editUrl } : {}),
  };
};
