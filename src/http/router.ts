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

/** `/docs/*` is a prefix route for everything below `/docs/`; any other path is exact. */
const prefixOf = (path: string): string | undefined => (path.endsWith('/*') ? path.slice(0, -1) : undefined);

const methodRoute = (methods: Map<string, Route>, method: string): Route | undefined =>
  methods.get(method) ?? (method === 'HEAD' ? methods.get('GET') : undefined);

/**
 * Exact paths first, then prefix routes, longest prefix first: Callboard's routes are few and fixed, so no
 * patterns and no library. A path belongs to the longest prefix that holds it, whatever the method.
 */
export const createRouter = (routes: readonly Route[] = []): Router => {
  const byPath = new Map<string, Map<string, Route>>();
  // Kept sorted longest first, so `/docs/_static/` wins over `/docs/`.
  const prefixes: string[] = [];
  const mount = (route: Route): void => {
    const methods = byPath.get(route.path) ?? new Map<string, Route>();
    if (methods.has(route.method)) throw new Error(`Two HTTP routes for ${route.method} ${route.path}`);
    methods.set(route.method, route);
    byPath.set(route.path, methods);
    const prefix = prefixOf(route.path);
    if (prefix !== undefined && !prefixes.includes(route.path)) {
      prefixes.push(route.path);
      prefixes.sort((a, b) => b.length - a.length);
    }
  };
  const routesFor = (path: string): { key: string; methods: Map<string, Route> } | undefined => {
    const exact = prefixOf(path) === undefined ? byPath.get(path) : undefined;
    if (exact) return { key: path, methods: exact };
    const key = prefixes.find((pattern) => path.startsWith(prefixOf(pattern)!));
    return key ? { key, methods: byPath.get(key)! } : undefined;
  };
  const match = (method: string, path: string): RouteMatch => {
    const found = routesFor(path);
    if (!found) return { answer: jsonResponse(404, { error: `No route ${path}` }) };
    const route = methodRoute(found.methods, method);
    if (route) return { route };
    const allow = [...found.methods.keys()].join(', ');
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
