import { createHash } from 'node:crypto';

/** A docs root as read at the synced version: a key that changes when its content does, and its files on demand. */
export interface DocsSnapshot {
  /** Changes exactly when a file the build reads changes (git: blob and tree ids; folders: a content digest). */
  key: string;
  commit?: string;
  /** The build's files, relative to the docs root. */
  readFiles(): Promise<Map<string, Uint8Array>>;
}

export type DocsSnapshotResult = { ok: true; snapshot: DocsSnapshot } | { ok: false; error: string };

/** A digest of named parts, for content keys. */
export const digestOf = (parts: readonly string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 40);
