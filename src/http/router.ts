import { jsonResponse, type HandOff, type HttpRequest, type HttpResponse, type Route } from './http-types.ts';

/** The route for a method and path, or the answer when there is none (404, or 405 naming the allowed methods). */
export type RouteMatch = { route: Route } | { answer: HttpResponse };

export interface Router {
  /** Adds a route; a second route for the same method and path is a wiring mistake and throws. */
  mount(route: Route): void;
  match(method: string, path: string): RouteMatch;
  /** Routes and answers a parsed request: what the server does after reading the body, callable with no port. */
  request(request: HttpRequest): Promise<HttpResponse | HandOff>;
}

/** Exact-path routing: Callboard's routes are few and fixed, so no patterns and no library. */
export const createRouter = (routes: readonly Route[] = []): Router => {
  const byPath = new Map<string, Map<string, Route>>();
  const mount = (route: Route): void => {
    const methods = byPath.get(route.path) ?? new Map<string, Route>();
    if (methods.has(route.method)) throw new Error(`Two HTTP routes for ${route.method} ${route.path}`);
    methods.set(route.method, route);
    byPath.set(route.path, methods);
  };
  const match = (method: string, path: string): RouteMatch => {
    const methods = byPath.get(path);
    if (!methods) return { answer: jsonResponse(404, { error: `No route ${path}` }) };
    const route = methods.get(method) ?? (method === 'HEAD' ? methods.get('GET') : undefined);
    if (route) return { route };
    const allow = [...methods.keys()].join(', ');
    return { answer: jsonResponse(405, { error: `${method} is not allowed on ${path}; use ${allow}` }, { allow }) };
  };
  for (const route of routes) mount(route);
  return {
    mount,
    match,
    request: async (request) => {
      const found = match(request.method, request.path);
      return 'route' in found ? found.route.handler(request) : found.answer;
    },
  };
};
