import type { RelationRow } from '../../../core/catalog/entity.ts';
import type { LookupKey } from '../../../core/resolve/lookup-key.ts';
import type { EntityOrigin } from '../entity-record.ts';
import type { EntityClaim } from '../parsed-file-result.ts';

/** One file for the parse worker: its bytes and where its entities come from. */
export interface PlainParseInput {
  content: Uint8Array;
  origin: EntityOrigin;
}

export interface PlainParseRequest {
  id: number;
  files: PlainParseInput[];
}

/**
 * The claims of a batch, packed: per file the number of entities it yields (-1: the main thread must read
 * it), and every entity's fields in one flat list. Cloning objects between threads writes every property
 * name again for every object; a list of strings and numbers is about half the work on each side.
 */
export interface PlainParseReply {
  id: number;
  entityCounts: number[];
  fields: (string | number)[];
}

/** The worker's first message, once its modules are loaded. */
export const READY = 'ready';

/** Fields written per entity before its relations (the last is the relation count). */
const packRecord = (claim: EntityClaim, fields: (string | number)[]): void => {
  const { record } = claim;
  const { search } = record;
  fields.push(record.ref, record.kind, record.namespace, record.name, record.body, record.etag);
  fields.push(search.name, search.title, search.description, search.tags, search.owner, claim.line, claim.column, record.relations.length);
  for (const relation of record.relations) fields.push(relation.sourceRef, relation.type, relation.targetRef);
  // Then the lookup keys: their count (-1 for a record without them) and each key with its source.
  fields.push(record.lookupKeys ? record.lookupKeys.length : -1);
  for (const lookup of record.lookupKeys ?? []) fields.push(lookup.key, lookup.source);
};

export const packClaims = (id: number, claimsPerFile: readonly (readonly EntityClaim[] | undefined)[]): PlainParseReply => {
  const entityCounts: number[] = [];
  const fields: (string | number)[] = [];
  for (const claims of claimsPerFile) {
    entityCounts.push(claims ? claims.length : -1);
    for (const claim of claims ?? []) packRecord(claim, fields);
  }
  return { id, entityCounts, fields };
};

/** The reply's claims per file, in request order; undefined for a file the worker did not parse. */
export const unpackClaims = (reply: PlainParseReply): (EntityClaim[] | undefined)[] => {
  const { fields } = reply;
  let at = 0;
  const next = <T extends string | number>(): T => fields[at++] as T;
  const unpackClaim = (): EntityClaim => {
    const ref = next<string>();
    const kind = next<string>();
    const namespace = next<string>();
    const name = next<string>();
    const body = next<string>();
    const etag = next<string>();
    const search = { name: next<string>(), title: next<string>(), description: next<string>(), tags: next<string>(), owner: next<string>() };
    const line = next<number>();
    const column = next<number>();
    const relations: RelationRow[] = new Array(next<number>());
    for (let index = 0; index < relations.length; index += 1) relations[index] = { sourceRef: next(), type: next(), targetRef: next() };
    const record: EntityClaim['record'] = { ref, kind, namespace, name, body, etag, relations, search, line, column };
    const keyCount = next<number>();
    if (keyCount >= 0) {
      record.lookupKeys = new Array<LookupKey>(keyCount);
      for (let index = 0; index < keyCount; index += 1) record.lookupKeys[index] = { key: next(), source: next() };
    }
    return { record, line, column };
  };
  return reply.entityCounts.map((count) => {
    if (count < 0) return undefined;
    const claims: EntityClaim[] = new Array(count);
    for (let index = 0; index < count; index += 1) claims[index] = unpackClaim();
    return claims;
  });
};
