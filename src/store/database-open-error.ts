import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidInputError } from '../core/errors.ts';

/**
 * The catalog database cannot be used as configured. Its message is one line: the path, which setting named it,
 * what is wrong and what to do. An `invalid_input` error, so the CLI and `npm start` exit 2 without a stack trace.
 */
export class DatabaseOpenError extends InvalidInputError {}

/** The setting a person changes to point Callboard elsewhere, from `config.database.origin`. */
const settingToChange = (origin: string): string => (origin.startsWith('the built-in default') ? 'database.path in callboard.yaml (or CALLBOARD_DB)' : origin);

const isDirectory = (path: string): boolean | undefined => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return undefined;
  }
};

/** The nearest existing ancestor of `path` when it is a file (so nothing can be created below it). */
const fileInTheWay = (path: string): string | undefined => {
  for (let parent = dirname(path); parent !== dirname(parent); parent = dirname(parent)) {
    const directory = isDirectory(parent);
    if (directory === false) return parent;
    if (directory === true) return undefined;
  }
  return undefined;
};

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Failures that mean the file or its folder may not be read or written by this user. */
const permissionCodes = new Set(['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_READONLY']);

/** SQLite's extended result codes (SQLITE_READONLY_DBMOVED) name their primary code (SQLITE_READONLY) first. */
const primaryCode = (code: string): string => code.split('_', 2).join('_');

/** What is wrong with the file and what to do about it, from the failure and a look at the path. */
const diagnose = (path: string, error: unknown, setting: string): string => {
  const code = codeOf(error) ?? '';
  const reason = messageOf(error);
  if (isDirectory(path)) return `it is a folder, not a file. Point ${setting} at a file inside it, e.g. ${path.replace(/\/$/, '')}/callboard.db`;
  const blocker = fileInTheWay(path);
  if (blocker) return `${blocker} is a file, so no folder can be made there. Point ${setting} at a path under a folder`;
  // The catalog is rebuilt from its sources by the next sync, so a new file loses only the sync and job history.
  if (code === 'SQLITE_NOTADB') return `it is not a SQLite database (${reason}). Point ${setting} at another file, or move this one away for a new database`;
  if (code.startsWith('SQLITE_CORRUPT')) return `it is damaged (${reason}). Move it away: Callboard makes a new database and the next sync refills it`;
  if (code.startsWith('SQLITE_BUSY'))
    return `another process held its lock for longer than Callboard waits (${reason}). Try again once that process has finished`;
  if (permissionCodes.has(code) || permissionCodes.has(primaryCode(code))) {
    return `it cannot be opened for reading and writing (${reason}). Let the user running Callboard write the file and its folder (SQLite adds -wal and -shm files beside it), or point ${setting} elsewhere`;
  }
  return `${reason}. Check the file, or point ${setting} elsewhere`;
};

/** Turns a failure to open or prepare the file into the one-line error people see. */
export const databaseOpenError = (options: { path: string; origin: string; error: unknown }): DatabaseOpenError =>
  new DatabaseOpenError(
    `Cannot open the catalog database ${options.path} (from ${options.origin}): ${diagnose(options.path, options.error, settingToChange(options.origin))}.`,
    {
      cause: options.error,
    },
  );

/** The file records a migration this build does not have: a newer Callboard wrote it, and this one must not. */
export class NewerDatabaseError extends DatabaseOpenError {
  constructor(options: { path: string; origin: string; migration: { hash: string; createdAt: number } }) {
    const created = Number.isFinite(options.migration.createdAt) ? new Date(options.migration.createdAt).toISOString() : String(options.migration.createdAt);
    super(
      `${options.path} (from ${options.origin}) was written by a newer Callboard (migration ${options.migration.hash.slice(0, 12)} of ${created} is unknown to this version); upgrade Callboard or point ${settingToChange(options.origin)} elsewhere.`,
    );
  }
}
