import { jsonResponse, type HttpRequest, type HttpResponse } from '../http-types.ts';
import { authPage, NO_STORE, wantsHtml } from './auth-pages.ts';

/** A refused docs request: a page for a browser, `{ error }` JSON for anything else, with the same status. */
export const refuseRequest = (request: HttpRequest, status: number, title: string, message: string): HttpResponse =>
  wantsHtml(request.headers.accept) ? authPage(status, { title, message }) : jsonResponse(status, { error: message }, NO_STORE);

/** The path and query a refused request asked for: where sign-in sends the person back to. */
export const requestedPath = (request: HttpRequest): string => {
  const query = request.query.toString();
  return query ? `${request.path}?${query}` : request.path;
};
