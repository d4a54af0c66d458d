/**
 * The one reader of the RepoUrlPicker's value, `host?owner=o&repo=r`. Backstage reads it as the URL
 * `https://<value>` in its parseRepoUrl (plugin-scaffolder-node) and in the picker itself, so the host is what
 * the URL parser makes of it (lowercased, a port kept, a path dropped) and the query is URL-decoded. The filters
 * (`parseRepoUrl`, `projectSlug`), the form and `publish:github` each add their own checks on top.
 */

export interface RepoUrlQuery {
  host: string;
  params: URLSearchParams;
  /** The whole URL as read (`https://github.com/?owner=o&repo=r`), for messages. */
  href: string;
}

/** @throws TypeError (the URL parser's own) when the text cannot be read as a host and a query. */
export const readRepoUrl = (value: string): RepoUrlQuery => {
  const url = new URL(`https://${value}`);
  return { host: url.host, params: url.searchParams, href: url.href };
};
