import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { InvalidInputError } from '../core/errors.ts';
import { isHandOff, jsonResponse, type HttpRequest, type HttpResponse } from './http-types.ts';
import { readBody } from './read-body.ts';
import type { Router } from './router.ts';

/** Default largest request body: Slack's and GitHub's payloads are far smaller; anything bigger is refused unread. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export interface HttpServerOptions {
  router: Router;
  host: string;
  port: number;
  log: Logger;
  bodyLimit?: number;
}

export interface HttpServer {
  /** The port listened on (the real one when `port` was 0). */
  port: number;
  /** `http://host:port`, for logs and tests. */
  url: string;
  close(): Promise<void>;
}

/** The path and query of a request target; undefined for anything but an origin-form target (`/path?query`). */
const parseTarget = (target: string | undefined): URL | undefined => {
  if (!target?.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, 'http://callboard.invalid');
  } catch {
    return undefined;
  }
};

const send = (response: ServerResponse, answer: HttpResponse): void => {
  const { status, headers = {}, body } = answer;
  if (body === undefined) {
    response.writeHead(status, headers).end();
    return;
  }
  const isJson = typeof body === 'object' && !Buffer.isBuffer(body);
  const payload = isJson ? JSON.stringify(body) : body;
  const contentType = isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
  response.writeHead(status, { 'content-type': contentType, ...headers }).end(payload);
};

/** Reads, routes and answers one request; the handlers never see Node's request or response objects. */
const serve = async (request: IncomingMessage, response: ServerResponse, options: HttpServerOptions): Promise<void> => {
  const target = parseTarget(request.url);
  if (!target) return send(response, jsonResponse(400, { error: 'The request target is not a path such as /healthz' }));
  const method = request.method ?? 'GET';
  const found = options.router.match(method, target.pathname);
  if ('answer' in found) return send(response, found.answer);
  const limit = found.route.bodyLimit ?? options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const read = await readBody(request, limit);
  if (!read.ok && read.reason === 'aborted') return void response.destroy();
  // The rest of an oversized body is never read: close the connection rather than drain it.
  if (!read.ok) return send(response, jsonResponse(413, { error: `Request body larger than ${limit} bytes` }, { connection: 'close' }));
  const parsed: HttpRequest = {
    method,
    path: target.pathname,
    rawPath: (request.url ?? '').split(/[?#]/, 1)[0]!,
    query: target.searchParams,
    headers: request.headers,
    body: read.body,
    remoteAddress: request.socket.remoteAddress ?? '',
  };
  const answer = await found.route.handler(parsed);
  if (!isHandOff(answer)) return send(response, answer);
  answer.handOff(Object.assign(request, { rawBody: read.body }), response);
};

const listen = (server: Server, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

/**
 * Callboard's one HTTP server, the same in HTTP mode, Socket Mode and local mode: health, Slack events
 * (HTTP mode), webhooks. A handler that throws answers 500 and is logged; the process carries on.
 */
export const startHttpServer = async (options: HttpServerOptions): Promise<HttpServer> => {
  const server = createServer((request, response) => {
    serve(request, response, options).catch((error: unknown) => {
      options.log.error({ err: error, method: request.method, url: request.url }, 'HTTP request failed');
      if (!response.headersSent) send(response, jsonResponse(500, { error: 'Internal error; the log has the details' }));
      else response.end();
    });
  });
  // A client that never finishes sending its request does not hold a socket for long.
  server.requestTimeout = 30_000;
  try {
    await listen(server, options.port, options.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InvalidInputError(
      `Cannot listen on ${options.host}:${options.port} (${code || (error as Error).message}): set http.host / http.port in callboard.yaml, or PORT`,
    );
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    port,
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
};
