import type { ResolvedTarget, SourceFile, SourceFileContent, SourceReadout } from '../../core/ports.ts';
import { comparePaths } from '../compute-source-version.ts';
import { createPathMatcher } from '../create-path-matcher.ts';
import { findUrlScheme, isHttpUrl, resolveRelativeTarget } from '../resolve-relative-target.ts';
import { encodePathForUrl } from './git-remote-url.ts';
import { GitObjectReader } from './git-object-reader.ts';
import { createGlobMatcher } from '../glob-matcher.ts';
import { inSkippedFolder } from '../skipped-folders.ts';
import { listGitTree, type GitTreeFile } from './list-git-tree.ts';
import type { RunGitOptions } from './run-git.ts';

export interface GitReadoutInit {
  commit: string;
  branch: string;
  /** Remote URL without credentials, for display. */
  displayUrl: string;
  /** `https://github.com/<owner>/<repo>` when the remote is on github.com. */
  webBase: string | undefined;
  gitDir: string;
  patterns: readonly string[];
  paths: readonly string[];
  /** False when the commit was already known and nothing was fetched. */
  fetched: boolean;
  /** Makes sure the commit is in the mirror; only needed when `fetched` is false. */
  ensureCommit(): Promise<void>;
  gitOptions: RunGitOptions;
}

/** One commit of a git source. Any file of the commit can be read, not only those the patterns list. */
export class GitReadout implements SourceReadout {
  readonly version: string;
  /** A commit fixes every file, listed or not, so an unchanged version needs no further checks. */
  readonly versionCoversEveryFile = true;
  readonly fetched: boolean;
  private readonly reader: GitObjectReader;
  private tree: Promise<GitTreeFile[]> | undefined;
  private blobs: Map<string, string> | undefined;

  constructor(private readonly init: GitReadoutInit) {
    this.version = init.commit;
    this.fetched = init.fetched;
    this.reader = new GitObjectReader(init.gitDir);
  }

  async listFiles(): Promise<SourceFile[]> {
    const isMatch = createPathMatcher(this.init.patterns);
    const files = await this.loadTree();
    return files.filter((file) => isMatch(file.path)).map((file) => ({ path: file.path, hash: file.blob }));
  }

  /** Matches within the fetched tree (the configured `paths`), skipping node_modules as a folder source's globs do. */
  async findFiles(pattern: string): Promise<string[]> {
    const isMatch = createGlobMatcher(pattern);
    return (await this.loadTree()).filter((file) => isMatch(file.path) && !inSkippedFolder(file.path)).map((file) => file.path);
  }

  async readFile(path: string): Promise<SourceFileContent | undefined> {
    const resolved = resolveRelativeTarget('', path);
    if (!resolved) return undefined;
    await this.loadTree();
    const name = this.blobs?.get(resolved.path) ?? `${this.init.commit}:${resolved.path}`;
    const object = await this.reader.read(name);
    if (object?.type !== 'blob') return undefined;
    return { content: object.content, hash: object.id };
  }

  resolve(fromPath: string, target: string): ResolvedTarget {
    if (isHttpUrl(target)) return this.mapOwnUrl(target) ?? { url: target };
    const scheme = findUrlScheme(target);
    if (scheme !== undefined) {
      return { error: `target "${target}" uses the unsupported scheme "${scheme}:"; use a path in the repository or an http(s) URL` };
    }
    return resolveRelativeTarget(fromPath, target) ?? { error: `target "${target}" resolves outside the repository ${this.init.displayUrl}` };
  }

  displayPath(path: string): string {
    if (path === '') return `${this.init.displayUrl}@${this.init.branch}`;
    return `${this.init.displayUrl}@${this.init.branch}:${path}`;
  }

  urlOf(path: string): string | undefined {
    if (!this.init.webBase) return undefined;
    if (path === '') return `${this.init.webBase}/tree/${encodePathForUrl(this.init.branch)}`;
    return `${this.init.webBase}/blob/${encodePathForUrl(this.init.branch)}/${encodePathForUrl(path)}`;
  }

  editUrlOf(path: string): string | undefined {
    if (!this.init.webBase || path === '') return undefined;
    return `${this.init.webBase}/edit/${encodePathForUrl(this.init.branch)}/${encodePathForUrl(path)}`;
  }

  close(): Promise<void> {
    return this.reader.close();
  }

  private loadTree(): Promise<GitTreeFile[]> {
    this.tree ??= this.init
      .ensureCommit()
      .then(() => listGitTree(this.init.gitDir, this.init.commit, this.init.paths, this.init.gitOptions))
      .then((files) => {
        files.sort((a, b) => comparePaths(a.path, b.path));
        this.blobs = new Map(files.map((file) => [file.path, file.blob]));
        return files;
      });
    return this.tree;
  }

  /** `https://github.com/o/r/blob/<branch>/<path>` of this very repository and branch is just `<path>`. */
  private mapOwnUrl(target: string): ResolvedTarget | undefined {
    const base = this.init.webBase;
    if (!base) return undefined;
    const branch = encodePathForUrl(this.init.branch);
    const prefix = [`${base}/blob/${branch}/`, `${base}/tree/${branch}/`].find((p) => target.startsWith(p));
    if (!prefix) return undefined;
    const rest = target.slice(prefix.length).replace(/[?#].*$/, '');
    return resolveRelativeTarget('', safeDecode(rest));
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
