import type { SourceFile } from '../../core/ports.ts';
import { mapWithConcurrency } from '../map-with-concurrency.ts';
import type { GithubClient } from './create-github-client.ts';
import { createContentsUrl, getConditional } from './get-conditional.ts';
import type { CachedResponse, GithubRepoSummary } from './github-source-state.ts';

export interface FindCatalogFilesInput {
  org: string;
  repos: readonly GithubRepoSummary[];
  catalogPath: string;
  previous: Record<string, CachedResponse>;
  timeoutMs: number;
  concurrency: number;
}

export interface FindCatalogFilesResult {
  files: SourceFile[];
  /** Contents that came with a 200, so reading them again costs nothing. */
  contents: Map<string, Buffer>;
  entries: Record<string, CachedResponse>;
}

interface RepoOutcome {
  key: string;
  entry: CachedResponse;
  file?: SourceFile;
  content?: Buffer;
}

/** Fetches the catalog file of every repository, conditionally, and fingerprints each with its blob sha. */
export async function findCatalogFiles(client: GithubClient, input: FindCatalogFilesInput): Promise<FindCatalogFilesResult> {
  const outcomes = await mapWithConcurrency(input.repos, input.concurrency, (repo) => readCatalogFile(client, repo, input));
  const result: FindCatalogFilesResult = { files: [], contents: new Map(), entries: {} };
  for (const outcome of outcomes) {
    result.entries[outcome.key] = outcome.entry;
    if (outcome.file) result.files.push(outcome.file);
    if (outcome.file && outcome.content) result.contents.set(outcome.file.path, outcome.content);
  }
  return result;
}

async function readCatalogFile(client: GithubClient, repo: GithubRepoSummary, input: FindCatalogFilesInput): Promise<RepoOutcome> {
  const key = createContentsUrl(input.org, repo.name, input.catalogPath, repo.defaultBranch);
  const path = `${repo.name}/${input.catalogPath}`;
  const cached = input.previous[key];
  // A 404 has no ETag, so it would cost a request every sync; nothing was pushed since, so it is still missing.
  if (cached?.missing && repo.pushedAt !== undefined && cached.pushedAt === repo.pushedAt) return { key, entry: cached };
  const etag = cached?.sha !== undefined ? cached.etag : undefined;
  const answer = await getConditional(client, key, etag, input.timeoutMs);
  if (answer.status === 304 && cached?.sha) return { key, entry: cached, file: { path, hash: cached.sha } };
  const file = answer.status === 200 ? parseFile(answer.data) : undefined;
  if (answer.status !== 200 || !file) return { key, entry: { missing: true, pushedAt: repo.pushedAt } };
  return { key, entry: { etag: answer.etag, sha: file.sha }, file: { path, hash: file.sha }, content: file.content };
}

/** A contents answer for a file: its blob sha, and the content when GitHub inlined it (files up to 1 MB). */
function parseFile(data: unknown): { sha: string; content?: Buffer } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const file = data as { type?: unknown; sha?: unknown; encoding?: unknown; content?: unknown };
  if (file.type !== 'file' || typeof file.sha !== 'string') return undefined;
  const inlined = file.encoding === 'base64' && typeof file.content === 'string';
  return inlined ? { sha: file.sha, content: Buffer.from(file.content as string, 'base64') } : { sha: file.sha };
}
