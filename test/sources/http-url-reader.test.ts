import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpUrlReader } from '../../src/sources/http-url-reader.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/ok') return void response.end('hello ü');
    if (request.url === '/hop') return void response.writeHead(302, { location: '/ok' }).end();
    if (request.url === '/away') return void response.writeHead(302, { location: 'http://internal.invalid/secret' }).end();
    if (request.url === '/slow') return void setTimeout(() => response.end('late'), 2000);
    if (request.url === '/big-declared') {
      response.writeHead(200, { 'content-length': String(2048) });
      return void response.end('x'.repeat(2048));
    }
    if (request.url === '/big-chunked') {
      // No content-length: the limit must hold while streaming.
      response.writeHead(200, { 'transfer-encoding': 'chunked' });
      const timer = setInterval(() => response.write('x'.repeat(512)), 5);
      response.on('close', () => clearInterval(timer));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('no such thing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('HttpUrlReader', () => {
  it('returns the body of a 200 as text', async () => {
    expect(await new HttpUrlReader().readText(`${base}/ok`)).toBe('hello ü');
  });

  it('throws with the status on a non-2xx answer', async () => {
    await expect(new HttpUrlReader().readText(`${base}/missing`)).rejects.toThrow(/HTTP 404/);
  });

  it('gives up after timeoutMs', async () => {
    const started = performance.now();
    await expect(new HttpUrlReader({ timeoutMs: 200 }).readText(`${base}/slow`)).rejects.toThrow(/longer than 200 ms/);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('refuses bodies over maxBytes, declared or streamed', async () => {
    const reader = new HttpUrlReader({ maxBytes: 1024 });
    await expect(reader.readText(`${base}/big-declared`)).rejects.toThrow(/more than 1024 bytes/);
    await expect(reader.readText(`${base}/big-chunked`)).rejects.toThrow(/more than 1024 bytes/);
  });

  it('reads only http and https URLs', async () => {
    await expect(new HttpUrlReader().readText('file:///etc/passwd')).rejects.toThrow(/only http\(s\)/);
    await expect(new HttpUrlReader().readText('not a url')).rejects.toThrow(/not a URL/);
  });

  it('follows redirects, checking every hop against the allowed hosts', async () => {
    const reader = new HttpUrlReader({ allowedHosts: ['127.0.0.1'] });
    expect(await reader.readText(`${base}/hop`)).toBe('hello ü');
    await expect(reader.readText(`${base}/away`)).rejects.toThrow(/internal.invalid is not in catalog.allowedUrlHosts/);
    await expect(new HttpUrlReader({ allowedHosts: ['*.example.com'] }).readText(`${base}/ok`)).rejects.toThrow(/not allowed/);
  });

  it('uses the fetch it is given', async () => {
    const reader = new HttpUrlReader({ fetch: async () => new Response('from fake') });
    expect(await reader.readText('https://example.com/x')).toBe('from fake');
  });
});
