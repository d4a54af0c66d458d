import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError, SourceUnavailableError } from '../../core/errors.ts';
import { createGithubClient } from '../../sources/github/create-github-client.ts';
import { runTar } from './run-tar.ts';

export interface GithubCheckoutOptions {
  owner: string;
  repo: string;
  apiBaseUrl: string;
  token?: string;
  scratchDir: string;
  timeoutMs: number;
}

/**
 * One repository of a GitHub organisation source, unpacked from its tarball (the default branch, which is what the
 * organisation source reads) into a temporary folder: `<root>` is the repository's root.
 * @throws NotFoundError when the repository is gone, SourceUnavailableError when GitHub cannot be reached.
 */
export async function checkoutGithubRepo(options: GithubCheckoutOptions): Promise<{ root: string; release: () => Promise<void> }> {
  const client = createGithubClient({ baseUrl: options.apiBaseUrl, token: options.token, maxRetryAfterSeconds: 5, maxRetries: 2 });
  const name = `${options.owner}/${options.repo}`;
  let tarball: Buffer;
  try {
    const response = await client.request('GET /repos/{owner}/{repo}/tarball', {
      owner: options.owner,
      repo: options.repo,
      request: { signal: AbortSignal.timeout(options.timeoutMs) },
    });
    tarball = Buffer.from(response.data as ArrayBuffer);
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 404) throw new NotFoundError(`GitHub repository ${name} no longer exists or the token cannot read it: sync again`);
    throw new SourceUnavailableError(`cannot download the template's repository ${name} from GitHub (${(error as Error).message}): try again later`);
  }
  await mkdir(options.scratchDir, { recursive: true });
  const root = await mkdtemp(join(options.scratchDir, 'template-'));
  const release = () => rm(root, { recursive: true, force: true });
  try {
    const archive = join(root, '.archive.tar.gz');
    await writeFile(archive, tarball);
    // GitHub's tarball holds one top folder, <owner>-<repo>-<sha>/.
    await runTar(['-xzf', archive, '-C', root, '--strip-components=1']);
    await rm(archive, { force: true });
    return { root, release };
  } catch (error) {
    await release();
    throw error;
  }
}
