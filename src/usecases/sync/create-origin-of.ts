import type { CatalogSource, SourceReadout } from '../../core/ports.ts';
import type { EntityOrigin } from './entity-record.ts';

/** `file:` or `url:` form of a source's root, for `backstage.io/managed-by-origin-location`. */
const originLocationOf = (source: CatalogSource, readout: SourceReadout): string => {
  const url = readout.urlOf?.('');
  if (url) return `url:${url}`;
  return `${source.type === 'dir' ? 'file' : 'url'}:${readout.displayPath('')}`;
};

/**
 * Where the entities of a path of this source come from, for the location annotations. Folders are `file`
 * locations; Git and GitHub files are `url` locations, as Backstage records them.
 */
export const createOriginOf = (source: CatalogSource, readout: SourceReadout): ((path: string) => EntityOrigin) => {
  const locationType = source.type === 'dir' ? 'file' : 'url';
  const originLocation = originLocationOf(source, readout);
  return (path) => {
    const url = readout.urlOf?.(path);
    const location = url ? `url:${url}` : `${locationType}:${readout.displayPath(path)}`;
    const editUrl = url ? readout.editUrlOf?.(path) : undefined;
    return { location, originLocation, ...(url ? { viewUrl: url } : {}), ...(editUrl ? { editUrl } : {}) };
  };
};
