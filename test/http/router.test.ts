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

describe('prefix routes', () => {
  const router = createRouter([
    answering('GET', '/docs', 'index'),
    answering('GET', '/docs/search', 'search'),
    answering('GET', '/docs/*', 'below docs'),
    answering('GET', '/docs/_static/*', 'static'),
    answering('POST', '/hooks/*', 'hook'),
  ]);
  const textOf = async (method: string, path: string) => ((await router.request(httpRequest(method, path))) as unknown as { body: { text: string } }).body.text;

  it('exact routes come first, then the longest prefix holding the path', async () => {
    expect(await textOf('GET', '/docs')).toBe('index');
    expect(await textOf('GET', '/docs/search')).toBe('search');
    expect(await textOf('GET', '/docs/search/more')).toBe('below docs');
    expect(await textOf('GET', '/docs/')).toBe('below docs');
    expect(await textOf('GET', '/docs/default/component/a/b/')).toBe('below docs');
    expect(await textOf('GET', '/docs/_static/docs.css')).toBe('static');
  });

  it('a prefix holds only what is below it', async () => {
    expect(await router.request(httpRequest('GET', '/docsx'))).toMatchObject({ status: 404 });
    expect(await router.request(httpRequest('GET', '/hooks'))).toMatchObject({ status: 404 });
  });

  it('HEAD is answered by the GET prefix route; another method is a 405 with Allow', async () => {
    expect(await textOf('HEAD', '/docs/a/b/c/')).toBe('below docs');
    expect(await router.request(httpRequest('POST', '/docs/a/b/c/'))).toMatchObject({ status: 405, headers: { allow: 'GET' } });
    expect(await router.request(httpRequest('GET', '/hooks/github'))).toMatchObject({ status: 405, headers: { allow: 'POST' } });
  });

  it('two prefix routes for one method and prefix are a wiring mistake', () => {
    expect(() => router.mount(answering('GET', '/docs/*', 'again'))).toThrow('Two HTTP routes for GET /docs/*');
  });
});
