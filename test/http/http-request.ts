import type { HttpRequest } from '../../src/http/http-types.ts';

/** A parsed request for calling handlers with no port. */
export const httpRequest = (method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): HttpRequest => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
  body: Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body ?? ''),
});
