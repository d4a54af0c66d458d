import { CatalogWriteError } from '../core/errors.ts';

/** The database's own words and code: `database or disk is full (SQLITE_FULL)`. */
const describeDatabaseError = (error: unknown): string => {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
};

/** Any failure of a store step as a CatalogWriteError: the sync pass tells it apart from a source that cannot be read. */
export const toCatalogWriteError = (error: unknown): CatalogWriteError =>
  error instanceof CatalogWriteError ? error : new CatalogWriteError(describeDatabaseError(error), { cause: error });

/** Runs one synchronous store step, rethrowing what it throws as a CatalogWriteError. */
export const guardWrite = <T>(step: () => T): T => {
  try {
    return step();
  } catch (error) {
    throw toCatalogWriteError(error);
  }
};
