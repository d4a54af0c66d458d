/** A repository as the org listing describes it; kept in state so a 304 on the listing still knows it. */
export interface GithubRepoSummary {
  name: string;
  defaultBranch: string;
  htmlUrl: string;
  archived: boolean;
  pushedAt?: string;
}

/** What we remember about one request URL between syncs. */
export interface CachedResponse {
  etag?: string;
  /** Listing pages: the repositories of the page and the next page's URL. */
  repos?: GithubRepoSummary[];
  next?: string;
  /** Catalog files: blob sha of the content the ETag stands for. */
  sha?: string;
  /** Catalog files: the repository had none when it was last pushed at `pushedAt`. */
  missing?: boolean;
  pushedAt?: string;
}

/** The persisted `state` of a GithubSource readout. */
export interface GithubSourceState {
  etags: Record<string, CachedResponse>;
}

/** Reads a previous state defensively: it comes from the database and may predate this code. */
export function parseGithubSourceState(state: unknown): GithubSourceState {
  if (typeof state !== 'object' || state === null) return { etags: {} };
  const etags = (state as { etags?: unknown }).etags;
  if (typeof etags !== 'object' || etags === null || Array.isArray(etags)) return { etags: {} };
  const entries = Object.entries(etags as Record<string, unknown>).filter(([, value]) => typeof value === 'object' && value !== null);
  return { etags: Object.fromEntries(entries) as Record<string, CachedResponse> };
}
