import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config, SourceConfig } from '../config/load-config.ts';
import { MAX_SEARCHED_TEXT } from '../core/scorecards/evaluate-check.ts';
import { unknownFact, type FileFact } from '../core/scorecards/facts.ts';
import { builtinSourceConfigs, cacheFolderFor } from '../sources/create-sources.ts';
import { mirrorFolderName } from '../sources/git-source.ts';
import { mapWithConcurrency } from '../sources/map-with-concurrency.ts';
import { GitObjectReader } from '../sources/git/git-object-reader.ts';
import { listGitTree } from '../sources/git/list-git-tree.ts';
import type { GitReaderPool } from './git-reader-pool.ts';
import { createGitTrees, type GitTrees } from './git-trees.ts';

/** Where files are read: an entity's source and the version the catalog holds of it. */
export interface FileOrigin {
  sourceId: string;
  version?: string;
}

/**
 * Reads files of catalog sources at the synced version for `file` checks, many at once. Never throws: a file that
 * could not be read is an unknown fact with the reason, so the rule keeps its last known result.
 */
export interface SourceFileReader {
  readMany(origin: FileOrigin, paths: readonly string[]): Promise<Map<string, FileFact>>;
  /**
   * Paths that differ between two versions of a source, so a new commit re-scores only the entities whose files it
   * touched; undefined when that cannot be told (not a git source, a commit the shallow mirror lacks).
   */
  changedPaths(sourceId: string, from: string, to: string): Promise<ReadonlySet<string> | undefined>;
  /** Ends the git readers opened for this run (or hands them back to the pool they came from). */
  close(): Promise<void>;
}

export interface SourceFileReaderDeps {
  config: Config;
  /** Sources registered at run time, by id (`callboard register`). */
  registeredSources?: { find(id: string): { config: SourceConfig } | undefined };
  /** Git readers kept between runs (a scoring runner's); without it each reader starts here and ends at close(). */
  gitReaderPool?: GitReaderPool;
}

/** A source by id among the configured, built-in and registered ones (the docs builder reads through it too). */
export const findSourceConfig = (deps: SourceFileReaderDeps, id: string): SourceConfig | undefined =>
  [...deps.config.catalog.sources, ...builtinSourceConfigs(deps.config)].find((source) => source.id === id) ?? deps.registeredSources?.find(id)?.config;

/** The local mirror a git source syncs into. */
export const gitDirOfSource = (config: Config, source: Extract<SourceConfig, { type: 'git' }>): string =>
  join(resolve(cacheFolderFor(config.catalog.cacheDir, source.id)), mirrorFolderName(source));

/**
 * Up to this many paths are read as `<commit>:<path>`, which git resolves folder by folder: each lookup scans the
 * folders on the way, so a folder of 10,000 services makes thousands of lookups slow. Above it the commit's tree is
 * listed once and files are read by blob id (a path not listed is missing without asking git).
 */
const READ_BY_PATH_MAX = 64;

/** Tree entry modes of a folder and a submodule: not files (a symlink is read as its target, as `<commit>:<path>` is). */
const NOT_BLOB_MODES: ReadonlySet<string> = new Set(['40000', '160000']);

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A larger file is not kept in memory: the check fails on it anyway (evaluate-check refuses to search past
 * MAX_SEARCHED_TEXT), so a text one character longer than the cap stands in for it.
 */
const capped = (text: string): string => (text.length > MAX_SEARCHED_TEXT ? text.slice(0, MAX_SEARCHED_TEXT + 1) : text);

const readDirFile = async (root: string, path: string): Promise<FileFact> => {
  try {
    return { kind: 'found', text: capped(await readFile(join(root, path), 'utf8')) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'EISDIR') return { kind: 'missing' };
    return unknownFact(`cannot read ${path}: ${errorText(error)}`);
  }
};

/**
 * A `dir` source is read as the folder is now (it has no versions); a `git` source from its local mirror at the
 * synced commit through one `git cat-file --batch` per mirror (the reader the git source itself uses), so reading
 * thousands of files costs one process; a `github` organisation source is not read (its files would cost one API
 * call each): those checks are unknown, saying so.
 */
export function createSourceFileReader(deps: SourceFileReaderDeps): SourceFileReader {
  const gitReaders = new Map<string, Pick<GitObjectReader, 'read'>>();
  const sourceConfig = (id: string): SourceConfig | undefined => findSourceConfig(deps, id);

  const trees = new Map<string, Promise<Map<string, string>>>();
  const treeOf = (gitDir: string, commit: string): Promise<Map<string, string>> => {
    const key = `${gitDir}\u0000${commit}`;
    let tree = trees.get(key);
    if (!tree) {
      tree = listGitTree(gitDir, commit, [], { timeoutMs: 120_000 }).then((files) => new Map(files.map((file) => [file.path, file.blob])));
      trees.set(key, tree);
    }
    return tree;
  };

  /**
   * Paths read by blob id, each distinct blob once (and made text once): services made from one template share their
   * Dockerfile, CI workflow and licence, so thousands of paths are often a few hundred blobs.
   */
  const readGitByBlob = async (gitDir: string, blobs: Map<string, string>, paths: readonly string[]): Promise<Map<string, FileFact>> => {
    const texts = new Map<string, Promise<string | undefined>>();
    const textOf = (blob: string): Promise<string | undefined> => {
      let text = texts.get(blob);
      if (!text) {
        text = gitReaderFor(gitDir)
          .read(blob)
          .then((object) => (object ? capped(object.content.toString('utf8')) : undefined));
        texts.set(blob, text);
      }
      return text;
    };
    const factOf = async (path: string): Promise<FileFact> => {
      const blob = blobs.get(path);
      if (!blob) return { kind: 'missing' };
      try {
        const text = await textOf(blob);
        return text === undefined ? unknownFact(`git could not find the blob of ${path}`) : { kind: 'found', text };
      } catch (error) {
        return unknownFact(`git could not read ${path}: ${errorText(error)}`);
      }
    };
    return new Map(await Promise.all(paths.map(async (path) => [path, await factOf(path)] as const)));
  };

  const gitReaderFor = (gitDir: string): Pick<GitObjectReader, 'read'> => {
    let reader = gitReaders.get(gitDir);
    if (!reader) gitReaders.set(gitDir, (reader = deps.gitReaderPool ? deps.gitReaderPool.acquire(gitDir) : new GitObjectReader(gitDir)));
    return reader;
  };

  const gitTrees = new Map<string, GitTrees>();
  const gitTreesFor = (gitDir: string): GitTrees => {
    let trees = gitTrees.get(gitDir);
    if (!trees) {
      gitTrees.set(gitDir, (trees = createGitTrees((name) => gitReaderFor(gitDir).read(name))));
    }
    return trees;
  };

  /**
   * A path found through the commit's trees (read once per run), then its blob by id: git asked for
   * `<commit>:<path>` inflates every folder on the way again for each path. A path with empty, `.` or `..` steps
   * (never one resolveSourcePath makes) is left to git.
   */
  const readGit = async (gitDir: string, commit: string, path: string): Promise<FileFact> => {
    try {
      const untidy = path.split('/').some((step) => step === '' || step === '.' || step === '..');
      const entry = untidy ? undefined : await gitTreesFor(gitDir).entryAt(commit, path);
      if (!untidy && (!entry || NOT_BLOB_MODES.has(entry.mode))) return { kind: 'missing' };
      const object = await gitReaderFor(gitDir).read(entry ? entry.id : `${commit}:${path}`);
      if (!object || object.type !== 'blob') return { kind: 'missing' };
      return { kind: 'found', text: capped(object.content.toString('utf8')) };
    } catch (error) {
      return unknownFact(`git could not read ${path} at ${commit.slice(0, 12)}: ${errorText(error)}`);
    }
  };

  const gitDirOf = (source: Extract<SourceConfig, { type: 'git' }>): string => gitDirOfSource(deps.config, source);

  const allUnknown = (paths: readonly string[], reason: string): Map<string, FileFact> => new Map(paths.map((path) => [path, unknownFact(reason)]));

  return {
    async readMany(origin, paths) {
      const source = sourceConfig(origin.sourceId);
      if (!source) return allUnknown(paths, `the source "${origin.sourceId}" is no longer configured`);
      switch (source.type) {
        case 'dir': {
          const root = resolve(source.path);
          // Bounded: thousands of files at once would exhaust file descriptors.
          return new Map(await mapWithConcurrency(paths, 64, async (path) => [path, await readDirFile(root, path)] as const));
        }
        case 'git': {
          if (!origin.version) return allUnknown(paths, `git source "${source.id}" has no synced commit yet`);
          const gitDir = gitDirOf(source);
          const commit = origin.version;
          // A commit the mirror lacks (its cache wiped) would make every file look missing: unknown instead.
          const held = await gitTreesFor(gitDir).hasCommit(commit);
          if (!held) return allUnknown(paths, `commit ${commit.slice(0, 12)} of git source "${source.id}" is not in its local mirror; sync again`);
          if (paths.length > READ_BY_PATH_MAX) {
            const blobs = await treeOf(gitDir, commit).catch(() => undefined);
            if (!blobs) return allUnknown(paths, `git could not list commit ${commit.slice(0, 12)} of git source "${source.id}"`);
            return readGitByBlob(gitDir, blobs, paths);
          }
          return new Map(await Promise.all(paths.map(async (path) => [path, await readGit(gitDir, commit, path)] as const)));
        }
        case 'github':
          return allUnknown(paths, `files of GitHub organisation sources ("${source.id}") are not read by scorecards yet`);
      }
    },
    async changedPaths(sourceId, from, to) {
      const source = sourceConfig(sourceId);
      // A folder is read as it is now and its version covers only catalog files, whose changes change the entities'
      // etags: nothing more to follow (other files' edits are seen by the daily scorecards-refresh).
      if (source?.type === 'dir') return new Set<string>();
      if (source?.type !== 'git') return undefined;
      // Through the run's `git cat-file --batch` (the one that reads the files next): no git process started for it.
      return gitTreesFor(gitDirOf(source))
        .changedPaths(from, to)
        .catch(() => undefined);
    },
    async close() {
      const readers = [...gitReaders];
      gitReaders.clear();
      gitTrees.clear();
      const pool = deps.gitReaderPool;
      if (pool) for (const [gitDir] of readers) pool.release(gitDir);
      else await Promise.all(readers.map(([, reader]) => (reader as GitObjectReader).close()));
    },
  };
}
