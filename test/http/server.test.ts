import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonResponse } from '../../src/http/http-types.ts';
import { createRouter } from '../../src/http/router.ts';
import { startHttpServer, type HttpServer } from '../../src/http/server.ts';

const log = pino({ level: 'silent' });
let server: HttpServer;
const handedOff: Buffer[] = [];

beforeAll(async () => {
  const router = createRouter([
    { method: 'POST', path: '/echo', handler: async (request) => jsonResponse(200, { bytes: request.body.length, q: request.query.get('q') }) },
    { method: 'POST', path: '/small', bodyLimit: 10, handler: async () => jsonResponse(200, {}) },
    { method: 'GET', path: '/boom', handler: async () => Promise.reject(new Error('handler bug')) },
    { method: 'GET', path: '/paths/*', handler: async (request) => jsonResponse(200, { path: request.path, rawPath: request.rawPath ?? null }) },
    {
      method: 'POST',
      path: '/raw',
      handler: async () => ({ handOff: (request, response) => void (handedOff.push(request.rawBody), response.writeHead(204).end()) }),
    },
  ]);
  server = await startHttpServer({ router, host: '127.0.0.1', port: 0, log, bodyLimit: 1024 });
});
afterAll(() => server.close());

/** Sends raw bytes and returns the status line, for targets fetch() would not send. */
const rawStatusLine = (bytes: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.write(bytes));
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk.toString();
      if (received.includes('\r\n')) {
        resolve(received.split('\r\n')[0]!);
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });

describe('startHttpServer', () => {
  it('reads the body and query and answers the handler in JSON', async () => {
    const response = await fetch(`${server.url}/echo?q=1`, { method: 'POST', body: 'hello' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ bytes: 5, q: '1' });
  });

  it('an unknown route is a 404 in JSON', async () => {
    const response = await fetch(`${server.url}/missing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'No route /missing' });
  });

  it('a request target that is not a path is a 400', async () => {
    expect(await rawStatusLine('GET http://elsewhere.example/echo HTTP/1.1\r\nHost: x\r\n\r\n')).toContain('400');
    expect(await rawStatusLine('OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n')).toContain('400');
  });

  it('a body over the limit is a 413, declared or streamed', async () => {
    expect((await fetch(`${server.url}/echo`, { method: 'POST', body: 'x'.repeat(1025) })).status).toBe(413);
    expect((await fetch(`${server.url}/small`, { method: 'POST', body: 'x'.repeat(11) })).status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.url}/echo`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } }, (response) =>
        resolve(response.statusCode!),
      );
      request.on('error', reject);
      for (let i = 0; i < 20; i++) request.write('y'.repeat(100));
      request.end();
    });
    expect(streamed).toBe(413);
  });

  it('a handler that throws is a 500 and the server keeps answering', async () => {
    expect((await fetch(`${server.url}/boom`)).status).toBe(500);
    expect((await fetch(`${server.url}/echo`, { method: 'POST', body: 'a' })).status).toBe(200);
  });

  it('gives handlers the path resolved and as sent, so a route can refuse dot segments and backslashes', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const sent = httpRequest({ host: '127.0.0.1', port: server.port, path: '/paths/a/../b\\c%2e%2e?x=1' }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve(text));
      });
      sent.on('error', reject).end();
    });
    expect(JSON.parse(answer)).toEqual({ path: '/paths/b/c%2e%2e', rawPath: '/paths/a/../b\\c%2e%2e' });
  });

  it('a hand-off gets the body already read as rawBody', async () => {
    expect((await fetch(`${server.url}/raw`, { method: 'POST', body: 'signed bytes' })).status).toBe(204);
    expect(handedOff.at(-1)?.toString()).toBe('signed bytes');
  });

  it('a port already in use is an error naming the settings', async () => {
    await expect(startHttpServer({ router: createRouter(), host: '127.0.0.1', port: server.port, log })).rejects.toThrow(/http\.port.*PORT/);
  });
});

describe('a client that hangs up mid-body', () => {
  it('leaves the server answering others', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\npartial');
        setTimeout(() => (socket.destroy(), resolve()), 50);
      });
    });
    expect((await fetch(`${server.url}/echo`, { method: 'POST', body: 'a' })).status).toBe(200);
  });
});
