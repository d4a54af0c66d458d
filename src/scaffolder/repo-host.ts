/** A repository as a RepoUrlPicker value names it (`github.com?owner=acme&repo=new-service`). */
export interface RepoCoordinates {
  host: string;
  owner: string;
  repo: string;
}

export interface CreateRepoRequest extends RepoCoordinates {
  description?: string;
  /** `private` (Backstage's default), `internal` or `public`. */
  visibility: 'private' | 'internal' | 'public';
  /** Backstage's default is `master`. */
  defaultBranch: string;
  topics: string[];
  collaborators: { user?: string; team?: string; access: string }[];
  homepage?: string;
}

export interface CreatedRepo {
  /** Clone URL the first commit is pushed to. */
  remoteUrl: string;
  /** `<html url>/blob/<default branch>` (Backstage's output), or the local equivalent. */
  repoContentsUrl: string;
  htmlUrl: string;
}

export interface PushRequest {
  /** Folder whose contents become the first commit. */
  sourceDir: string;
  remoteUrl: string;
  defaultBranch: string;
  commitMessage: string;
  author: { name: string; email: string };
}

/**
 * Where `publish:github` creates repositories: GitHub's REST API with GITHUB_TOKEN, or without it a local Git
 * host (bare repositories under the data folder). Pushing uses the real `git` binary either way.
 */
export interface RepoHost {
  /** `github` or `local`. */
  readonly kind: string;
  exists(repo: RepoCoordinates): Promise<boolean>;
  /** @throws ConflictError when it exists; SourceUnavailableError on auth, rate limit or network failures. */
  create(request: CreateRepoRequest): Promise<CreatedRepo>;
  push(request: PushRequest): Promise<{ commitHash: string }>;
}
