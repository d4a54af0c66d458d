import { describe, expect, it } from 'vitest';
import { jsonResponse, type Route } from '../../src/http/http-types.ts';
import { createRouter } from '../../src/http/router.ts';
import { httpRequest } from './http-request.ts';

const answering = (method: Route['method'], path: string, text: string): Route => ({ method, path, handler: async () => jsonResponse(200, { text }) });

describe('createRouter', () => {
  it('answers a mounted route; a route mounted later is one call', async () => {
    const router = createRouter([answering('GET', '/a', 'a')]);
    router.mount(answering('POST', '/b', 'b'));
    expect(await router.request(httpRequest('GET', '/a'))).toMatchObject({ status: 200, body: { text: 'a' } });
    expect(await router.request(httpRequest('POST', '/b'))).toMatchObject({ status: 200, body: { text: 'b' } });
  });

  it('an unknown path is a 404 in JSON naming the path', async () => {
    expect(await createRouter().request(httpRequest('GET', '/nope'))).toEqual({ status: 404, headers: {}, body: { error: 'No route /nope' } });
  });

  it('a known path with another method is a 405 with Allow', async () => {
    const answer = await createRouter([answering('POST', '/hook', 'x')]).request(httpRequest('GET', '/hook'));
    expect(answer).toMatchObject({ status: 405, headers: { allow: 'POST' } });
  });

  it('HEAD is answered by the GET route', async () => {
    expect(await createRouter([answering('GET', '/healthz', 'ok')]).request(httpRequest('HEAD', '/healthz'))).toMatchObject({ status: 200 });
  });

  it('two routes for one method and path are a wiring mistake', () => {
    expect(() => createRouter([answering('GET', '/a', '1'), answering('GET', '/a', '2')])).toThrow('Two HTTP routes for GET /a');
  });
});
