import { stringifyEntityRef, tryParseEntityRef } from '../core/catalog/refs.ts';
import type { EntityResolution } from '../core/catalog-reader/catalog-answers.ts';
import type { SearchHit, SearchResult } from '../core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../core/ports.ts';
import { analysePhrase, phraseKeys, type PhraseQuery } from '../core/resolve/analyse-phrase.ts';
import { normalisedWords } from '../core/resolve/normalise-text.ts';
import { pickPhraseMatch, type MatchPick } from '../core/resolve/pick-match.ts';
import { urlLookupKey } from '../core/resolve/url-key.ts';
import { findEntitiesByUrl } from './find-entity-by-url.ts';

const SUGGESTIONS = 5;
/** The label of a Slack link, `<url|label>`. */
const SLACK_LINK_LABEL = /^<[^<>|]+\|([^<>]+)>$/;

/** Quotes, backticks and bold markers people paste around a name; Slack's `<url|label>` is left for the URL step. */
const unwrap = (input: string): string =>
  input
    .trim()
    .replace(/^[`*_"']+|[`*_"']+$/g, '')
    .trim();

const fromPick = (pick: MatchPick): EntityResolution | undefined =>
  pick.status === 'found' ? { status: 'found', ref: pick.ref } : pick.status === 'ambiguous' ? { status: 'ambiguous', candidates: pick.candidates } : undefined;

/**
 * The hits of a corrected search worth offering for a name: those whose name or title holds every corrected
 * word. The search corrects to any word it indexed, descriptions included, so "foo" may become "for"; a
 * "did you mean for?" and the entities whose descriptions say "for" help nobody looking for a name.
 */
const namedByCorrection = (result: SearchResult): SearchHit[] => {
  const corrected = normalisedWords(result.didYouMean ?? '');
  return result.hits.filter((hit) => {
    const named = new Set([...normalisedWords(hit.name), ...normalisedWords(hit.title ?? '')]);
    return corrected.every((word) => named.has(word));
  });
};

/** Nothing fits: the search index's closest entities (of the kind word's kind first) and its "did you mean". */
const notFound = (store: CatalogReader, words: string, query: string, kinds: readonly string[] = []): EntityResolution => {
  const ofKind = kinds.length === 1 ? store.search(words, { kind: kinds[0]!, limit: SUGGESTIONS }) : undefined;
  const result = ofKind && ofKind.hits.length > 0 ? ofKind : store.search(words, { limit: SUGGESTIONS });
  const hits = result.didYouMean ? namedByCorrection(result) : result.hits;
  return {
    status: 'not_found',
    query,
    ...(result.didYouMean && hits.length > 0 ? { didYouMean: result.didYouMean } : {}),
    suggestions: hits.map((hit) => ({ ref: hit.ref, kind: hit.kind, name: hit.name, ...(hit.title ? { title: hit.title } : {}) })),
  };
};

/** An email address as typed or as Slack links it (`mailto:` is dropped with the link's brackets, or here). */
const EMAIL = /^(?:mailto:)?([^\s@<>|:/]+@[^\s@<>|:/]+\.[^\s@<>|:/]+)$/i;

/** `sofia.marquez@acme.example`: the User whose profile has that email (several: a choice). */
const resolveEmail = (store: CatalogReader, email: string, query: string): EntityResolution => {
  const users = store.usersWithEmail(email).flatMap((ref) => {
    const user = store.entityEnvelope(ref);
    return user ? [{ ref, kind: user.kind, name: user.metadata.name, ...(user.metadata.title ? { title: user.metadata.title } : {}) }] : [];
  });
  if (users.length === 1) return { status: 'found', ref: users[0]!.ref };
  if (users.length > 1) return { status: 'ambiguous', candidates: users };
  return notFound(store, email.split('@')[0]!.replace(/[._+-]+/g, ' '), query);
};

/** `component:default/x`, `group:team-a`: the ref names one entity or none. */
const resolveRef = (store: CatalogReader, text: string): EntityResolution => {
  const parsed = tryParseEntityRef(text, { defaultNamespace: 'default' });
  if (!parsed.ok) return { status: 'invalid', message: parsed.message };
  const ref = stringifyEntityRef(parsed.ref);
  return store.entityEnvelope(ref) ? { status: 'found', ref } : notFound(store, parsed.ref.name, text);
};

/** `default/checkout-service` (namespace and name), else `acme/checkout-service` as a GitHub repository. */
const resolveSlashed = (store: CatalogReader, text: string): EntityResolution | undefined => {
  const [namespace = '', name = ''] = text.split('/', 2);
  const named = store.entitiesNamed(name).filter((entity) => entity.ref.includes(`:${namespace.toLowerCase()}/`));
  if (named.length === 1) return { status: 'found', ref: named[0]!.ref };
  if (named.length > 1) return { status: 'ambiguous', candidates: named };
  const repository = findEntitiesByUrl(store, `https://github.com/${text}`);
  return repository ? fromPick(repository.pick) : undefined;
};

/** What people would call a repository they linked: its name (`github.com/acme/checkout-svc.git` → "checkout-svc"). */
const repositoryWords = (text: string): string => {
  const parts = (urlLookupKey(text) ?? '').split('/');
  return (parts[0]?.includes('github') ? parts[2] : parts.at(-1)) || text;
};

const resolveUrl = (store: CatalogReader, text: string, callboardUrl: string | undefined): EntityResolution | undefined => {
  const match = findEntitiesByUrl(store, text, callboardUrl ? { callboardUrl } : {});
  if (!match) return undefined;
  const words = analysePhrase(repositoryWords(text).replace(/[-_.]+/g, ' '));
  return fromPick(match.pick) ?? notFound(store, words.searchText || text, text, words.kindWord?.kinds ?? []);
};

/**
 * A one-word phrase is also looked up as typed (`marcus.oyelaran`), which the store finds in the entities
 * table itself: it still answers while a database migrated to lookup keys waits for the sync pass that
 * writes the normalised `marcus-oyelaran`. It counts as the whole phrase, so it ranks as a name would.
 */
const withTypedName = (query: PhraseQuery, text: string): PhraseQuery => {
  const typed = text.toLowerCase();
  return /\s/.test(typed) || typed === query.whole ? query : { ...query, wholeVariants: [...query.wholeVariants, typed] };
};

const resolvePhrase = (store: CatalogReader, phrase: PhraseQuery, text: string): EntityResolution => {
  const query = withTypedName(phrase, text);
  const keys = phraseKeys(query);
  if (keys.length === 0) return notFound(store, text, text);
  const found = fromPick(pickPhraseMatch(query, store.entitiesWithLookupKeys(keys)));
  return found ?? notFound(store, query.searchText || text, text, query.kindWord?.kinds ?? []);
};

/**
 * Turns what a person typed into one entity, a choice, or suggestions, in this order:
 * 1. a link in any form (see find-entity-by-url.ts); an email address (the User with that profile email); 2. a ref (`component:default/x`, `group:team-a`);
 * 3. `namespace/name`, else `owner/repo` as a GitHub repository; 4. a phrase, matched by name, then title or
 * alias, in any case and with any separators, a kind word ("api", "db", "team") steering between equal
 * matches (core/resolve/pick-match.ts); 5. the search index's closest entities and "did you mean".
 * Several entities that fit equally are a choice, never a guess.
 */
export const resolveEntity = (store: CatalogReader, input: string, options: { callboardUrl?: string } = {}): EntityResolution => {
  const text = unwrap(input);
  if (text.length === 0) return { status: 'invalid', message: 'Name an entity, e.g. checkout-service or component:default/checkout-service.' };
  const byUrl = resolveUrl(store, text, options.callboardUrl);
  // A Slack link whose URL names nothing may still be labelled with a name: `<https://x.example|checkout-service>`.
  const label = SLACK_LINK_LABEL.exec(text)?.[1]?.trim();
  if (byUrl?.status === 'not_found' && label) {
    const byLabel = resolveEntity(store, label, options);
    return byLabel.status === 'not_found' ? byUrl : byLabel;
  }
  if (byUrl) return byUrl;
  const email = EMAIL.exec(text)?.[1];
  if (email) return resolveEmail(store, email, text);
  const oneWord = !/\s/.test(text);
  if (oneWord && text.includes(':')) return resolveRef(store, text);
  const slashed = oneWord && text.includes('/') ? resolveSlashed(store, text) : undefined;
  return slashed ?? resolvePhrase(store, analysePhrase(text), text);
};
