import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * True when `header` (X-Hub-Signature-256) is `sha256=` and the HMAC-SHA256 of the exact body bytes under
 * `secret`, compared in constant time. GitHub's older SHA-1 header is not accepted.
 */
export const verifyGithubSignature = (body: Buffer, header: string | undefined, secret: string): boolean => {
  const match = header === undefined ? null : SIGNATURE_HEADER.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(Buffer.from(match[1]!, 'hex'), expected);
};
