import { parseCatalogFile, type ParseCatalogFileDeps, type ParsedCatalogFile } from '../../core/catalog/parse-catalog-file.ts';
import type { EntityRecord } from '../../core/sync/catalog-write-records.ts';
import { toEntityRecord, type EntityOrigin } from './entity-record.ts';

/** An entity ready to write, with where its document starts (for conflict problems). */
export interface EntityClaim {
  record: EntityRecord;
  line: number;
  column: number;
}

/** A parsed file in the form the store writes. */
export type ParsedFileResult = Omit<ParsedCatalogFile, 'entities'> & { claims: EntityClaim[] };

/** Parses a catalog file and turns its entities into store records (body with location annotations, etag, search text). */
export const parseFileToResult = async (
  content: Uint8Array,
  displayPath: string,
  origin: EntityOrigin,
  deps: ParseCatalogFileDeps,
): Promise<ParsedFileResult> => {
  const { entities, ...rest } = await parseCatalogFile(content, displayPath, deps);
  const claims = entities.map((parsed) => ({ record: toEntityRecord(parsed, origin), line: parsed.line, column: parsed.column }));
  return { ...rest, claims };
};
