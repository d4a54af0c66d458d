import type { SourceConfig } from '../config/load-config.ts';
import type { SyncedRepository } from '../core/docs/find-docs-root.ts';
import { findSourceConfig, gitDirOfSource, type SourceFileReaderDeps } from '../scorecards/source-file-reader.ts';
import { builtinSourceConfigs } from '../sources/create-sources.ts';
import { findGithubWebBase, redactUrl } from '../sources/git/git-remote-url.ts';
import { GitObjectReader } from '../sources/git/git-object-reader.ts';
import { readDirDocs } from './read-dir-docs.ts';
import { readGitDocs } from './read-git-docs.ts';
import type { DocsSnapshotResult } from './docs-snapshot.ts';

/** Where docs roots are read from during one docs run; `close` ends the git readers it opened. */
export interface DocsFolderReader {
  /** The repositories of the git sources, for `url:` docs refs. */
  repositories(): SyncedRepository[];
  /** Reads the root `folder` of a source at `version` (the synced commit of a git source). */
  open(sourceId: string, folder: string, version: string | undefined): Promise<DocsSnapshotResult>;
  close(): Promise<void>;
}

export interface DocsFolderReaderDeps extends SourceFileReaderDeps {
  registeredSources?: SourceFileReaderDeps['registeredSources'] & { list(): { config: SourceConfig }[] };
}

const allSources = (deps: DocsFolderReaderDeps): SourceConfig[] => [
  ...deps.config.catalog.sources,
  ...builtinSourceConfigs(deps.config),
  ...(deps.registeredSources?.list().map((source) => source.config) ?? []),
];

const repositoryOf = (source: Extract<SourceConfig, { type: 'git' }>): SyncedRepository => {
  const web = findGithubWebBase(redactUrl(source.url));
  return { sourceId: source.id, urls: [redactUrl(source.url), ...(web ? [web] : [])], ...(source.branch ? { branch: source.branch } : {}) };
};

/** Content digests of folder files by path, size and mtime, kept between runs: an untouched file is not read again. */
export type DigestCache = Map<string, string>;

/**
 * Reads docs roots from the catalog's own sources: a git source from its local mirror at the synced commit (the
 * object reader the git source uses, one `git cat-file --batch` per mirror), a folder source from the disk. GitHub
 * organisation sources are not read (a docs folder would cost one API call per file).
 */
export function createDocsFolderReader(deps: DocsFolderReaderDeps, digests: DigestCache = new Map()): DocsFolderReader {
  const readers = new Map<string, GitObjectReader>();
  const readerFor = (gitDir: string): GitObjectReader => {
    let reader = readers.get(gitDir);
    if (!reader) readers.set(gitDir, (reader = new GitObjectReader(gitDir)));
    return reader;
  };
  return {
    repositories: () => allSources(deps).flatMap((source) => (source.type === 'git' ? [repositoryOf(source)] : [])),
    async open(sourceId, folder, version) {
      const source = findSourceConfig(deps, sourceId);
      if (!source) return { ok: false, error: `the source "${sourceId}" is no longer configured` };
      if (source.type === 'dir') return readDirDocs(source.path, folder, digests);
      if (source.type === 'github') {
        return { ok: false, error: `docs of GitHub organisation sources ("${sourceId}") are not built yet; sync the repository as a git source` };
      }
      if (!version) return { ok: false, error: `git source "${sourceId}" has no synced commit yet` };
      const gitDir = gitDirOfSource(deps.config, source);
      return readGitDocs({ reader: readerFor(gitDir), commit: version, folder, sourceId });
    },
    async close() {
      const open = [...readers.values()];
      readers.clear();
      await Promise.all(open.map((reader) => reader.close()));
    },
  };
}
