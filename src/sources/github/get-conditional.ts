import type { GithubClient } from './create-github-client.ts';

/** The outcomes of a conditional GET that a source handles; anything else is thrown. */
export type ConditionalAnswer = { status: 200; data: unknown; etag: string | undefined; link: string | undefined } | { status: 304 } | { status: 404 };

/**
 * GETs `url` (relative to the API base, or absolute from a Link header), sending `etag` as If-None-Match.
 * A 304 costs no rate limit on GitHub, which is what makes re-opening a big organisation cheap.
 */
export async function getConditional(client: GithubClient, url: string, etag: string | undefined, timeoutMs: number): Promise<ConditionalAnswer> {
  try {
    const response = await client.request({
      method: 'GET',
      url,
      headers: etag ? { 'if-none-match': etag } : {},
      request: { signal: AbortSignal.timeout(timeoutMs) },
    });
    return { status: 200, data: response.data, etag: response.headers.etag, link: response.headers.link };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 304 || status === 404) return { status };
    throw error;
  }
}

/** `/repos/<owner>/<repo>/contents/<path>?ref=<ref>`, each part encoded; also the key of its cached ETag. */
export function createContentsUrl(owner: string, repo: string, path: string, ref: string): string {
  const encodedPath = path.split('/').map(encodeURIComponent).join('/');
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/contents/${encodedPath}?ref=${encodeURIComponent(ref)}`;
}
