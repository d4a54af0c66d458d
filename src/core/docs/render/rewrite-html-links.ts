// `<a …>` and `<img …>` start tags in raw HTML written in a page; their `href` / `src` is the only attribute rewritten.
const LINK_TAG = /<(a|img)\b[^>]*>/gi;
const HREF = /(\shref\s*=\s*)(?:"([^"]*)"|'([^']*)')/i;
const SRC = /(\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)')/i;

/**
 * Raw HTML in Markdown (`<a href="setup.md">`, `<img src="images/flow.png">`) rewritten to the served site as
 * Markdown links are, with the same warnings. A quoted value with character references (`&amp;`) is left as
 * written rather than guessed at; the sanitizer still checks every URL afterwards.
 */
export const rewriteHtmlLinks = (html: string, rewriteUrl: (url: string, kind: 'link' | 'image') => string): string => {
  if (!html.includes('<')) return html;
  return html.replace(LINK_TAG, (tag: string, name: string) => {
    const image = name.length === 3;
    const attribute = (image ? SRC : HREF).exec(tag);
    if (!attribute) return tag;
    const quote = attribute[2] === undefined ? "'" : '"';
    const url = attribute[2] ?? attribute[3]!;
    if (url.includes('&')) return tag;
    const rewritten = rewriteUrl(url, image ? 'image' : 'link');
    if (rewritten === url || rewritten.includes(quote)) return tag;
    const start = attribute.index + attribute[1]!.length;
    return `${tag.slice(0, start)}${quote}${rewritten}${quote}${tag.slice(start + url.length + 2)}`;
  });
};
