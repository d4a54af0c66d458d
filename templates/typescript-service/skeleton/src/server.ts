import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export const SERVICE_NAME = '${{ values.name }}';

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
};

const handle = (request: IncomingMessage, response: ServerResponse): void => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
    sendJson(response, 200, { status: 'ok', service: SERVICE_NAME });
    return;
  }
  sendJson(response, 404, { error: 'not found', path });
};

/** The service's HTTP server, not yet listening: tests listen on port 0, main.ts on PORT. */
export const createApp = (): Server => createServer(handle);
