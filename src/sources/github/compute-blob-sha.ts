import { createHash } from 'node:crypto';

/** Git's blob id of `content`: what GitHub reports as a file's `sha`, so read content matches the listing. */
export function computeBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
