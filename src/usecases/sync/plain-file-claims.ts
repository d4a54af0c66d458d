import { decodeYamlText } from '../../core/catalog/compose-yaml.ts';
import type { KindRegistry } from '../../core/catalog/kind-registry.ts';
import { parsePlainCatalogFile } from '../../core/catalog/parse-plain-catalog-file.ts';
import { toEntityRecord, type EntityOrigin } from './entity-record.ts';
import type { EntityClaim, ParsedFileResult } from './parsed-file-result.ts';

/**
 * The claims of a plain file of valid entities (the fast path of parseCatalogFile), or undefined when
 * the file needs the full reader: a problem, a placeholder, a Location, anything unusual. Needs nothing
 * but the bytes, so it can run on the parse worker.
 */
export const plainFileClaims = (content: Uint8Array, origin: EntityOrigin, registry: KindRegistry): EntityClaim[] | undefined => {
  const text = decodeYamlText(content);
  const plain = text === undefined ? undefined : parsePlainCatalogFile(text, registry);
  return plain?.entities.map((parsed) => ({ record: toEntityRecord(parsed, origin), line: parsed.line, column: parsed.column }));
};

/** A plain file's result: its entities and nothing else (no targets, problems or rejections). */
export const plainFileResult = (claims: EntityClaim[]): ParsedFileResult => ({
  claims,
  locationTargets: [],
  problems: [],
  unidentified: false,
  rejectedRefs: [],
  transient: false,
});
