import type { Entity } from '../core/catalog/entity.ts';
import type { StoredProblem } from '../core/catalog-reader/catalog-queries.ts';
import type { Severity } from '../core/problems.ts';

/**
 * Narrowing of what SQLite hands back (JSON text, nullable columns) into domain types. The database is
 * Callboard's own, so a value of the wrong shape means a damaged file: that fails loudly, naming the column,
 * instead of travelling on as a wrongly typed object.
 */
export class StoredDataError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isEntity = (value: unknown): value is Entity =>
  isRecord(value) &&
  typeof value.apiVersion === 'string' &&
  typeof value.kind === 'string' &&
  isRecord(value.metadata) &&
  typeof value.metadata.name === 'string' &&
  (value.spec === undefined || isRecord(value.spec));

/** An `entities.body` column: the envelope as validation saw it. */
export const parseStoredEntity = (body: string, ref: string): Entity => {
  const value: unknown = JSON.parse(body);
  if (!isEntity(value)) throw new StoredDataError(`entities.body of ${ref} is not an entity envelope`);
  return value;
};

const isPair = (value: unknown): value is [string, string] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string';

/** A JSON array of `[type, targetRef]` pairs, as the relation queries build it. */
export const parseRelationPairs = (json: string): Array<[string, string]> => {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value) || !value.every(isPair)) throw new StoredDataError('relations did not read as [type, targetRef] pairs');
  return value;
};

/**
 * The JSON array a multi-path `json_extract` returns, as texts: a missing, null, empty or non-text value
 * (a number where a title belongs) reads as undefined, as the views would not show it anyway.
 */
export const parseTextFields = (json: string | null): Array<string | undefined> => {
  const value: unknown = json === null ? [] : JSON.parse(json);
  if (!Array.isArray(value)) throw new StoredDataError('json_extract over several paths did not return an array');
  return value.map((field) => (typeof field === 'string' && field !== '' ? field : undefined));
};

export interface ProblemRow {
  sourceId: string;
  file: string | null;
  line: number | null;
  column: number | null;
  entityRef: string | null;
  severity: string;
  message: string;
  origin: string;
}

const toSeverity = (value: string): Severity => {
  if (value === 'error' || value === 'warning') return value;
  throw new StoredDataError(`problems.severity is "${value}", expected error or warning`);
};

/** A `problems` row, with the columns that are NULL left out as `Problem` leaves them out. */
export const toStoredProblem = (row: ProblemRow): StoredProblem => ({
  sourceId: row.sourceId,
  ...(row.file !== null ? { file: row.file } : {}),
  ...(row.line !== null ? { line: row.line } : {}),
  ...(row.column !== null ? { column: row.column } : {}),
  ...(row.entityRef !== null ? { entityRef: row.entityRef } : {}),
  severity: toSeverity(row.severity),
  message: row.message,
  origin: row.origin,
});
