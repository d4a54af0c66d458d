// `<a …>` and `<img …>` start tags in raw HTML written in a page; their `href` / `src` is the only attribute rewritten.
const LINK_TAG = /<(a|img)\b[^>]*>/gi;
// One attribute: its name, then maybe `=` and a double-quoted, single-quoted or unquoted value. Matched one after the
// other from the tag name on, so a quoted value (`title='see href="a.md"'`) is skipped whole, never read as attributes.
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|[^\s"'=<>`]+))?/g;

/** The first attribute `name` of a start tag (the one a browser uses) after its tag name, if its value is quoted. */
const quotedAttribute = (tag: string, from: number, name: string): { value: string; quote: string; end: number } | undefined => {
  ATTRIBUTE.lastIndex = from;
  for (let match = ATTRIBUTE.exec(tag); match; match = ATTRIBUTE.exec(tag)) {
    if (match[1]!.toLowerCase() !== name) continue;
    const value = match[2] ?? match[3];
    if (value === undefined) return undefined;
    return { value, quote: match[2] === undefined ? "'" : '"', end: match.index + match[0].length };
  }
  return undefined;
};

/**
 * Raw HTML in Markdown (`<a href="setup.md">`, `<img src="images/flow.png">`) rewritten to the served site as
 * Markdown links are, with the same warnings. A quoted value with character references (`&amp;`) is left as
 * written rather than guessed at; the sanitizer still checks every URL afterwards.
 */
export const rewriteHtmlLinks = (html: string, rewriteUrl: (url: string, kind: 'link' | 'image') => string): string => {
  if (!html.includes('<')) return html;
  return html.replace(LINK_TAG, (tag: string, name: string) => {
    const image = name.length === 3;
    const attribute = quotedAttribute(tag, 1 + name.length, image ? 'src' : 'href');
    if (!attribute) return tag;
    const { value: url, quote, end } = attribute;
    if (url.includes('&')) return tag;
    const rewritten = rewriteUrl(url, image ? 'image' : 'link');
    if (rewritten === url || rewritten.includes(quote)) return tag;
    const start = end - url.length - 1;
    return `${tag.slice(0, start)}${rewritten}${tag.slice(end - 1)}`;
  });
};
