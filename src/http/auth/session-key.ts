import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InvalidInputError } from '../../core/errors.ts';

const MIN_SECRET_LENGTH = 32;

/** Where the generated key lives: beside the database, which is already the folder Callboard owns and keeps. */
export const sessionKeyFile = (databasePath: string): string => join(dirname(databasePath), 'session.key');

const fromEnvironment = (secret: string): Buffer => {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new InvalidInputError(
      `CALLBOARD_SESSION_SECRET is ${secret.length} characters: use at least ${MIN_SECRET_LENGTH} random characters (e.g. openssl rand -hex 32), or unset it to use a generated key`,
    );
  return Buffer.from(secret, 'utf8');
};

const readKeyFile = (file: string): Buffer => {
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length < MIN_SECRET_LENGTH)
    throw new InvalidInputError(`${file} does not hold a session key (64 hex characters): delete it and Callboard makes a new one`);
  // Anyone who can read the key can sign themselves in: keep it the owner's only, as it was written.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return key;
};

/**
 * The HMAC key that signs sign-in cookies: CALLBOARD_SESSION_SECRET when set (several instances share it), else a
 * random key generated once and kept in `session.key` beside the database (mode 0600), so sessions survive a
 * restart. Deleting the file (or changing the secret) signs everyone out.
 */
export const loadSessionKey = (options: { env: NodeJS.ProcessEnv; databasePath: string }): Buffer => {
  const secret = options.env.CALLBOARD_SESSION_SECRET;
  if (secret) return fromEnvironment(secret);
  // An in-memory database has no folder to keep a key in: the sessions last as long as the process.
  if (options.databasePath === ':memory:') return randomBytes(32);
  const file = sessionKeyFile(options.databasePath);
  mkdirSync(dirname(file), { recursive: true });
  try {
    // 'wx': never overwrite a key another process has just written.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new InvalidInputError(`Cannot write the session key ${file}: ${(error as Error).message}`);
  }
  return readKeyFile(file);
};
