import type { UrlReader } from '../core/ports.ts';

/** Options of {@link HttpUrlReader}. */
export interface HttpUrlReaderOptions {
  /** Whole-request limit, redirects, headers and body included; default 5000. */
  timeoutMs?: number;
  /** Largest body accepted; default 4 MiB. Checked while streaming, so a huge body is never held. */
  maxBytes?: number;
  /**
   * Hosts that may be read (`example.com`, or `*.example.com` for its subdomains); default: any host.
   * Catalog authors choose these URLs, so a server should list hosts (as Backstage's `reading.allow` does)
   * rather than let a catalog file make it fetch internal addresses.
   */
  allowedHosts?: readonly string[];
  /** Injectable for tests and proxies; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Reads `$text` placeholders and `url` Location targets over http(s), with time, size and host limits. */
export class HttpUrlReader implements UrlReader {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly allowedHosts: readonly string[] | undefined;
  private readonly fetch: typeof globalThis.fetch;

  constructor(options: HttpUrlReaderOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
    this.allowedHosts = options.allowedHosts?.map((host) => host.toLowerCase());
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async readText(url: string): Promise<string> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await this.fetchFollowingRedirects(url, signal);
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

  /** Follows redirects by hand so that every hop is checked against the protocol and host rules. */
  private async fetchFollowingRedirects(url: string, signal: AbortSignal): Promise<Response> {
    let current = url;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      this.checkReadable(current);
      const response = await this.fetch(current, { signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (!redirectStatuses.has(response.status) || !location) return response;
      await response.body?.cancel();
      current = new URL(location, current).href;
    }
    throw new Error(`GET ${url} redirected more than ${maxRedirects} times`);
  }

  private checkReadable(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`"${url}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`only http(s) URLs can be read, not "${url}"`);
    if (this.allowedHosts && !this.allowedHosts.some((allowed) => matchesHost(parsed.hostname, allowed))) {
      throw new Error(`reading ${url} is not allowed: its host ${parsed.hostname} is not in catalog.allowedUrlHosts (callboard.yaml)`);
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

function matchesHost(hostname: string, allowed: string): boolean {
  const host = hostname.toLowerCase();
  return allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed;
}
