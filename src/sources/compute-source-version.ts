import { createHash } from 'node:crypto';
import type { SourceFile } from '../core/ports.ts';

/** A digest over (path, hash) pairs, so equal listings give equal versions whatever the source. */
export function computeSourceVersion(files: readonly SourceFile[]): string {
  const digest = createHash('sha1');
  const sorted = [...files].sort((a, b) => comparePaths(a.path, b.path));
  for (const file of sorted) digest.update(`${file.path}\0${file.hash}\n`);
  return digest.digest('hex');
}

/** Orders paths by code unit, not locale, so listings sort the same on every machine. */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
