/**
 * A URL fit for an `href` on a docs page: http(s) and mailto only. mkdocs.yml, annotations and repository settings
 * are written by anyone with a commit, and a `javascript:` link there must stay text.
 */
export const safeHref = (url: string | undefined): string | undefined => {
  const trimmed = url?.trim();
  if (!trimmed) return undefined;
  try {
    const { protocol } = new URL(trimmed);
    return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:' ? trimmed : undefined;
  } catch {
    return undefined;
  }
};
