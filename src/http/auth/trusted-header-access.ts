import type { HttpRequest } from '../http-types.ts';
import { parseAddressRanges } from './address-ranges.ts';
import type { DocsAccess } from './docs-access.ts';
import { refuseRequest } from './refuse-request.ts';

/** Longest viewer name taken from the header; anything longer is not a user name a proxy would set. */
const MAX_VIEWER_LENGTH = 256;

const headerValue = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text && text.length <= MAX_VIEWER_LENGTH ? text : undefined;
};

/**
 * An authenticating reverse proxy names the viewer in a header. The header is believed only from the proxy's own
 * addresses: from anywhere else anyone could send it, so such a request is refused whatever it carries.
 */
export const trustedHeaderAccess = (settings: { name: string; proxies: readonly string[] }): DocsAccess => {
  const parsed = parseAddressRanges(settings.proxies);
  if (!parsed.ok) throw new Error(`http.auth.trustedHeader.proxies: "${parsed.invalid}" is not an address range (checkDocsAccessConfig was skipped)`);
  const name = settings.name.toLowerCase();
  return {
    routes: [],
    check: (request) => {
      const from = request.remoteAddress || 'an unknown address';
      if (!request.remoteAddress || !parsed.ranges.contains(request.remoteAddress))
        return {
          answer: refuseRequest(
            request,
            403,
            'Not through the proxy',
            `The docs are served only through the authenticating proxy; ${from} is not one of http.auth.trustedHeader.proxies.`,
          ),
        };
      const viewer = headerValue(request, name);
      if (!viewer)
        return {
          answer: refuseRequest(
            request,
            401,
            'Not signed in',
            `The authenticating proxy must sign you in and set the ${settings.name} header; this request came without it.`,
          ),
        };
      return { viewer: { id: viewer, via: 'trusted-header' } };
    },
  };
};
