import { DOCS_ROOT } from '../../core/docs/docs-url.ts';

const BASE = 'http://callboard.invalid';
const MAX_LENGTH = 2048;

/**
 * Where sign-in may send someone afterwards: a path on this site only, else the docs index. `//evil`,
 * `/\evil` (browsers read `\` as `/`), `https://evil`, control characters and anything that resolves to another
 * origin are refused, so the sign-in routes cannot be used as an open redirect.
 */
export const safeReturnPath = (value: string | null | undefined): string => {
  if (!value || value.length > MAX_LENGTH || !value.startsWith('/')) return DOCS_ROOT;
  // eslint-disable-next-line no-control-regex
  if (value.startsWith('//') || value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value)) return DOCS_ROOT;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DOCS_ROOT;
  }
  // Dot segments can collapse into a leading `//` (`/.//evil`, `/a/..//evil`): a protocol-relative Location again.
  if (url.origin !== BASE || url.pathname.startsWith('//')) return DOCS_ROOT;
  return `${url.pathname}${url.search}${url.hash}`;
};
