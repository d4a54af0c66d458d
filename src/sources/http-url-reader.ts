import type { UrlReader } from '../core/ports.ts';

/** Options of {@link HttpUrlReader}. */
export interface HttpUrlReaderOptions {
  /** Whole-request limit, headers and body; default 5000. */
  timeoutMs?: number;
  /** Largest body accepted; default 4 MiB. Checked while streaming, so a huge body is never held. */
  maxBytes?: number;
  /** Injectable for tests and proxies; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

/** Reads `$text` placeholders and `url` Location targets over http(s), with a time and size limit. */
export class HttpUrlReader implements UrlReader {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly fetch: typeof globalThis.fetch;

  constructor(options: HttpUrlReaderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async readText(url: string): Promise<string> {
    checkHttpUrl(url);
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await this.fetch(url, { signal, redirect: 'follow' });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`GET ${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      return await this.readBody(url, response);
    } catch (error) {
      if (signal.aborted) throw new Error(`GET ${url} took longer than ${this.timeoutMs} ms; the server is slow or unreachable`);
      throw error;
    }
  }

  private async readBody(url: string, response: Response): Promise<string> {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > this.maxBytes) {
      await response.body?.cancel();
      throw this.tooBig(url);
    }
    if (!response.body) return '';
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      // Stop as soon as the limit is passed, whatever the server declared; leaving the loop cancels the stream.
      if (size > this.maxBytes) throw this.tooBig(url);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private tooBig(url: string): Error {
    return new Error(`GET ${url} returned more than ${this.maxBytes} bytes; link a smaller file`);
  }
}

function checkHttpUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error(`"${url}" is not a URL`);
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new Error(`only http(s) URLs can be read, not "${url}"`);
  }
}
