import type { SourceFileContent, SourceReadout } from '../../core/ports.ts';

/**
 * A readout that reads each path once: what the pass read before taking the write lock is served again
 * from memory while it holds the lock, failures included (a file that could not be read then is reported
 * as unreadable, as it would have been). Only for sources whose files are few and small (a GitHub org's
 * catalog files, one per repository): everything read stays in memory until the pass ends.
 */
export const cacheReads = (inner: SourceReadout): SourceReadout => {
  const reads = new Map<string, Promise<SourceFileContent | undefined>>();
  const readFile = (path: string): Promise<SourceFileContent | undefined> => {
    let read = reads.get(path);
    if (!read) {
      read = inner.readFile(path);
      // Whoever asks gets the failure; kept here, it is not an unhandled rejection.
      read.catch(() => undefined);
      reads.set(path, read);
    }
    return read;
  };
  return {
    version: inner.version,
    ...(inner.versionCoversEveryFile === undefined ? {} : { versionCoversEveryFile: inner.versionCoversEveryFile }),
    ...(inner.readsOverNetwork === undefined ? {} : { readsOverNetwork: inner.readsOverNetwork }),
    ...(inner.state === undefined ? {} : { state: inner.state }),
    listFiles: () => inner.listFiles(),
    readFile,
    resolve: (fromPath, target) => inner.resolve(fromPath, target),
    ...(inner.findFiles ? { findFiles: (pattern: string) => inner.findFiles!(pattern) } : {}),
    displayPath: (path) => inner.displayPath(path),
    ...(inner.urlOf ? { urlOf: (path: string) => inner.urlOf!(path) } : {}),
    ...(inner.editUrlOf ? { editUrlOf: (path: string) => inner.editUrlOf!(path) } : {}),
    close: () => inner.close(),
  };
};
