import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the limit is refused before a
 * byte is read; a body that grows past it stops being read, so a client cannot make the process hold more.
 */
export const readBody = (request: IncomingMessage, limit: number): Promise<BodyResult> => {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, reason: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        resolve({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve({ ok: true, body: Buffer.concat(chunks, size) }));
    // A client that hangs up mid-body (an 'error', then 'close'): nobody is left to answer. After 'end' this changes nothing.
    const aborted = (): void => resolve({ ok: false, reason: 'aborted' });
    request.once('error', aborted);
    request.once('close', aborted);
  });
};
