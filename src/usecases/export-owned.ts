import { entityRefOf } from '../core/catalog/refs.ts';
import { NotFoundError } from '../core/errors.ts';
import type { CatalogReader } from '../core/ports.ts';
import { fileNamePart, toCsv, type CsvExport } from './export-csv.ts';
import { listOwned } from './find-team.ts';

const HEADER = ['kind', 'ref', 'name', 'title', 'owner'];

/** Everything a team owns (its child teams' too) as CSV, kind by kind. */
export const exportOwned = (store: CatalogReader, groupRef: string): CsvExport => {
  const group = store.entityEnvelope(groupRef);
  if (!group || group.kind !== 'Group') throw new NotFoundError(`No group ${groupRef} in the catalog.`);
  const rows = listOwned(store, entityRefOf(group)).map((entity) => [entity.kind, entity.ref, entity.name, entity.title, entity.ownerRef]);
  const name = group.metadata.title ?? group.metadata.name;
  return { filename: `owned-by-${fileNamePart(group.metadata.name)}.csv`, title: `What ${name} owns`, csv: toCsv(HEADER, rows), rows: rows.length };
};
