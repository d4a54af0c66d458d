import type { GithubClient } from './create-github-client.ts';
import { createContentsUrl } from './get-conditional.ts';

export interface GithubFileRef {
  owner: string;
  repo: string;
  path: string;
  ref: string;
}

/**
 * Reads the exact bytes of a file with the raw media type (files up to 100 MB, no base64). Undefined when
 * there is no such file; a folder answers with a JSON listing instead of bytes, and counts as no file.
 */
export async function readGithubFile(client: GithubClient, file: GithubFileRef, timeoutMs: number): Promise<Buffer | undefined> {
  try {
    const response = await client.request({
      method: 'GET',
      url: createContentsUrl(file.owner, file.repo, file.path, file.ref),
      headers: { accept: 'application/vnd.github.raw' },
      request: { signal: AbortSignal.timeout(timeoutMs), parseSuccessResponseBody: false },
    });
    const body = response.data as ReadableStream<Uint8Array> | null;
    if (String(response.headers['content-type'] ?? '').startsWith('application/json')) {
      await body?.cancel();
      return undefined;
    }
    return body ? Buffer.from(await new Response(body).arrayBuffer()) : Buffer.alloc(0);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw error;
  }
}
