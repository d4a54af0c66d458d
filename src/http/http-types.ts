import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** A request as handlers see it: the body already read (and size-limited) by the server. */
export interface HttpRequest {
  method: string;
  /** Path without the query, e.g. `/readyz`, with dot segments and backslashes already resolved (WHATWG URL). */
  path: string;
  /**
   * The path exactly as the client sent it, before that resolution, so a route can refuse `..` and `\\` instead of
   * serving wherever they lead (the docs site does). Set by the server; handlers called with no port may lack it.
   */
  rawPath?: string;
  query: URLSearchParams;
  /** Node's headers: names in lower case. */
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The peer's address (a trusted proxy's, behind one); '' when unknown. */
  remoteAddress?: string;
}

/** What a handler answers; `body` objects are sent as JSON. */
export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer | Record<string, unknown>;
}

/**
 * A request passed on, body and all, to a listener that writes its own response: Bolt's receiver, whose
 * acknowledgement timing is its own business. Its `rawBody` is the body the server already read.
 */
export interface HandOff {
  handOff: (request: IncomingMessage & { rawBody: Buffer }, response: ServerResponse) => void;
}

export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse | HandOff>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Exact path, e.g. `/webhooks/github`, or a prefix ending in `/*` (`/docs/*`: everything below `/docs/`). */
  path: string;
  handler: HttpHandler;
  /** Largest body accepted, in bytes (default the server's, 1 MiB); larger is answered 413 unread. */
  bodyLimit?: number;
}

export const isHandOff = (answer: HttpResponse | HandOff): answer is HandOff => 'handOff' in answer;

/** A JSON answer: `{ error }` bodies for failures keep every route's errors in one shape. */
export const jsonResponse = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body });
