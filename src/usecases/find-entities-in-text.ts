import { stringifyEntityRef, tryParseEntityRef } from '../core/catalog/refs.ts';
import type { EntitySummary } from '../core/catalog-reader/catalog-queries.ts';
import type { CatalogReader } from '../core/ports.ts';
import { matchSummary } from '../core/resolve/lookup-key.ts';
import { normaliseText, normalisedWords } from '../core/resolve/normalise-text.ts';
import { findEntitiesByUrl } from './find-entity-by-url.ts';

/** How many entities one message lists by default: a message naming more is a list, not a question. */
export const MAX_FOUND_IN_TEXT = 25;
/** People and Location files are not what "find the owner" is about. */
const SKIPPED_KINDS = new Set(['User', 'Location']);

/**
 * Entities a word names: a full ref names one; `ns/name` and bare names may name several kinds. A bare word
 * also counts with other separators or case (`Checkout_Service`) and as an alias (`kafka`), but not as a
 * title: one word of a sentence ("payments") is not a question about the entity titled so.
 */
const entitiesNamedBy = (store: CatalogReader, word: string): EntitySummary[] => {
  if (word.includes(':')) {
    const parsed = tryParseEntityRef(word, { defaultNamespace: 'default' });
    if (!parsed.ok) return [];
    const ref = stringifyEntityRef(parsed.ref);
    return store.entitiesNamed(parsed.ref.name).filter((entity) => entity.ref === ref);
  }
  if (word.includes('/')) {
    const [namespace, name = ''] = word.split('/', 2);
    return store.entitiesNamed(name).filter((entity) => entity.ref.includes(`:${namespace}/`));
  }
  return store
    .entitiesWithLookupKeys([word.toLowerCase(), normaliseText(word)])
    .filter((match) => match.source === 'name' || match.source === 'alias')
    .map(matchSummary);
};

const summaryOf = (store: CatalogReader, ref: string): EntitySummary | undefined => {
  const entity = store.entityEnvelope(ref);
  return entity ? { ref, kind: entity.kind, name: entity.metadata.name, ...(entity.metadata.title ? { title: entity.metadata.title } : {}) } : undefined;
};

/**
 * Which catalog entities a message names: the entities behind its links, then candidate words
 * looked up by name (any case and separators) and alias. In order of appearance, without repeats, at most
 * `limit` (default {@link MAX_FOUND_IN_TEXT}): ask for one more to learn whether the message names more.
 */
export const findEntitiesInText = (
  store: CatalogReader,
  input: { names: readonly string[]; urls: readonly string[]; callboardUrl?: string },
  limit = MAX_FOUND_IN_TEXT,
): EntitySummary[] => {
  const found = new Map<string, EntitySummary>();
  const add = (entity: EntitySummary | undefined) => {
    if (entity && found.size < limit && !found.has(entity.ref) && !SKIPPED_KINDS.has(entity.kind)) found.set(entity.ref, entity);
  };
  for (const url of input.urls) {
    // A link two entities share (one infrastructure repository) names both: the list shows each with its team.
    const pick = findEntitiesByUrl(store, url, input.callboardUrl ? { callboardUrl: input.callboardUrl } : {})?.pick;
    if (pick?.status === 'found') add(summaryOf(store, pick.ref));
    if (pick?.status === 'ambiguous') pick.candidates.forEach(add);
  }
  for (const word of input.names) entitiesNamedBy(store, word).forEach(add);
  return [...found.values()];
};

/** The most words one name spans in a channel name or topic (`inc-2024-checkout-service-down` → `checkout-service`). */
const MAX_NAME_WORDS = 6;
/** Words read from one text: a channel name is at most 80 characters, a topic or purpose 250. */
const MAX_TEXT_WORDS = 80;

/** Every run of up to {@link MAX_NAME_WORDS} consecutive words, joined as lookup keys are (`checkout-service`). */
const wordRunKeys = (words: readonly string[]): string[] => {
  const keys = new Set<string>();
  for (let start = 0; start < words.length; start += 1) {
    for (let length = 1; length <= MAX_NAME_WORDS && start + length <= words.length; length += 1) keys.add(words.slice(start, start + length).join('-'));
  }
  return [...keys];
};

/**
 * Which entities of `kinds` free text names (a channel's name, topic and purpose), where words run together with
 * `-` or spaces: by name, title or alias (`callboard.dev/aliases`), in any case and with any separators. Read left
 * to right, the longest run of words naming something wins, so `inc-checkout-service-down` names checkout-service
 * even when an entity is called `checkout`. In order of appearance, without repeats, at most `limit`.
 */
export const findEntitiesInPhrases = (
  store: CatalogReader,
  texts: readonly string[],
  options: { kinds: ReadonlySet<string>; limit: number },
): EntitySummary[] => {
  const wordLists = texts.map((text) => normalisedWords(text).slice(0, MAX_TEXT_WORDS));
  const keys = [...new Set(wordLists.flatMap(wordRunKeys))];
  if (keys.length === 0) return [];
  const byKey = new Map<string, EntitySummary[]>();
  for (const match of store.entitiesWithLookupKeys(keys)) {
    if (match.source !== 'name' && match.source !== 'title' && match.source !== 'alias') continue;
    if (!options.kinds.has(match.kind.toLowerCase())) continue;
    const list = byKey.get(match.key) ?? [];
    if (!list.some((entity) => entity.ref === match.ref)) list.push(matchSummary(match));
    byKey.set(match.key, list);
  }
  const found = new Map<string, EntitySummary>();
  for (const words of wordLists) {
    for (let start = 0; start < words.length && found.size < options.limit;) {
      const runAt = (length: number) => words.slice(start, start + length).join('-');
      let length = Math.min(MAX_NAME_WORDS, words.length - start);
      while (length > 0 && !byKey.has(runAt(length))) length -= 1;
      for (const entity of byKey.get(runAt(length)) ?? []) if (found.size < options.limit) found.set(entity.ref, entity);
      start += Math.max(length, 1);
    }
  }
  return [...found.values()];
};
