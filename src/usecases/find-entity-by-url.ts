import type { CatalogReader } from '../core/ports.ts';
import { pickUrlMatch, type MatchPick } from '../core/resolve/pick-match.ts';
import { parseHttpUrl, toUrlText, urlKeyLevels, urlLookupKey } from '../core/resolve/url-key.ts';
import { callboardPageOf } from './callboard-page.ts';

/** What a link names: one entity, a choice, or nothing; `exact` when the link is the entity's own URL. */
export interface UrlMatch {
  pick: MatchPick;
  /**
   * True when the link is itself one of the entity's URLs (its repository root, catalog file, docs or a
   * link it lists); false when it lies inside one (a pull request, another file of the repository).
   */
  exact: boolean;
}

const NOTHING: UrlMatch = { pick: { status: 'none' }, exact: false };

/**
 * The catalog entities a link names, in any form people paste it (see core/resolve/url-key.ts): a Callboard
 * entity or docs page, or a URL of an entity's repository, catalog file, docs or links, matched by lookup key,
 * the link itself first, then its parent paths down to the repository. Undefined when the text is no link.
 */
export const findEntitiesByUrl = (store: CatalogReader, text: string, options: { callboardUrl?: string } = {}): UrlMatch | undefined => {
  const urlText = toUrlText(text);
  const url = urlText ? parseHttpUrl(urlText) : undefined;
  if (!url) return undefined;
  const ref = callboardPageOf(url, options.callboardUrl)?.ref;
  if (ref) return store.entityEnvelope(ref) ? { pick: { status: 'found', ref }, exact: true } : NOTHING;
  const key = urlLookupKey(urlText!);
  if (!key) return NOTHING;
  const levels = urlKeyLevels(key);
  const matches = store.entitiesWithLookupKeys(levels).filter((match) => match.source === 'repo' || match.source === 'link');
  for (const [index, level] of levels.entries()) {
    const atLevel = matches.filter((match) => match.key === level);
    if (atLevel.length > 0) return { pick: pickUrlMatch(atLevel), exact: index === 0 };
  }
  return NOTHING;
};

/**
 * The one catalog entity a shared link is about, or undefined when it names none or several equally (two
 * Resources described in one infrastructure repository): see {@link findEntitiesByUrl}.
 */
export const findEntityByUrl = (store: CatalogReader, text: string, options: { callboardUrl?: string } = {}): string | undefined => {
  const match = findEntitiesByUrl(store, text, options);
  return match?.pick.status === 'found' ? match.pick.ref : undefined;
};
