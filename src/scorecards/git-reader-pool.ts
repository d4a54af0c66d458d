import { GitObjectReader } from '../sources/git/git-object-reader.ts';

/** `git cat-file --batch` readers kept between scoring runs, one per mirror. */
export interface GitReaderPool {
  /** The mirror's reader, started on first use; kept while in use, and after its last release until idle for a while. */
  acquire(gitDir: string): Pick<GitObjectReader, 'read'>;
  /** One use of `acquire` is over. */
  release(gitDir: string): void;
  /** Ends every reader now. */
  close(): Promise<void>;
}

interface Kept {
  reader: GitObjectReader;
  users: number;
  timer?: NodeJS.Timeout;
}

/**
 * Starting git from a Node process that holds a big catalog costs milliseconds of its main thread (the process is
 * cloned first), so a refresh after every sync pass reuses the previous run's reader. A reader nobody has used for
 * `idleMs` is ended; an idle one never keeps the process alive (its timer and child are unreferenced). A commit fetched
 * after the reader started is still found: git looks for new packs when an object is missing.
 */
export function createGitReaderPool(options: { idleMs?: number } = {}): GitReaderPool {
  const idleMs = options.idleMs ?? 60_000;
  const kept = new Map<string, Kept>();
  return {
    acquire(gitDir) {
      let entry = kept.get(gitDir);
      if (!entry) kept.set(gitDir, (entry = { reader: new GitObjectReader(gitDir), users: 0 }));
      clearTimeout(entry.timer);
      entry.users++;
      return entry.reader;
    },
    release(gitDir) {
      const entry = kept.get(gitDir);
      if (!entry || --entry.users > 0) return;
      entry.timer = setTimeout(() => {
        if (kept.get(gitDir) !== entry || entry.users > 0) return;
        kept.delete(gitDir);
        void entry.reader.close();
      }, idleMs);
      entry.timer.unref();
    },
    async close() {
      const all = [...kept.values()];
      kept.clear();
      for (const { timer } of all) clearTimeout(timer);
      await Promise.all(all.map(({ reader }) => reader.close()));
    },
  };
}
