import type { EntityResolution } from '../../core/catalog-reader/catalog-answers.ts';
import type { CatalogReader } from '../../core/ports.ts';
import { resolveEntity } from '../resolve-entity.ts';

/** Names are a few words ("Checkout Service", "payments api"); longer leading phrases are not tried. */
const MAX_NAME_WORDS = 6;

export interface DocsQueryOptions {
  callboardUrl?: string;
  /** Whether the entity has a built docs site. */
  hasDocs: (ref: string) => boolean;
}

/** The entity a name means for a docs question: as resolveEntity says, but of several by that name the only documented one. */
export const resolveDocsEntity = (store: CatalogReader, name: string, options: DocsQueryOptions): EntityResolution =>
  preferDocumented(resolveEntity(store, name, options), options.hasDocs);

const preferDocumented = (resolution: EntityResolution, hasDocs: (ref: string) => boolean): EntityResolution => {
  if (resolution.status !== 'ambiguous') return resolution;
  const documented = resolution.candidates.filter((candidate) => hasDocs(candidate.ref));
  return documented.length === 1 ? { status: 'found', ref: documented[0]!.ref } : resolution;
};

/** What `/docs <entity> [words]` asks about: the entity (or the chooser / not-found answer) and the words to search. */
export interface DocsQuery {
  resolution: EntityResolution;
  words: string;
}

/**
 * Splits `/docs` text into the entity and the words to search its docs for: the longest leading phrase that names
 * exactly one entity wins ("checkout service deploy" → Checkout Service, "deploy"). When no phrase does, the
 * longest one that names several asks which (the words are dropped: a choice carries only the ref), and when
 * nothing is named the first word's not-found answer (its suggestions) is given. Among several entities of one
 * name, the only one with docs is the one meant (`payments-api`: the component has docs, the API of that name not).
 */
export const splitDocsQuery = (store: CatalogReader, text: string, options: DocsQueryOptions): DocsQuery => {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  let ambiguous: DocsQuery | undefined;
  for (let count = Math.min(words.length, MAX_NAME_WORDS); count >= 1; count -= 1) {
    const resolution = resolveDocsEntity(store, words.slice(0, count).join(' '), options);
    const rest = words.slice(count).join(' ');
    if (resolution.status === 'found') return { resolution, words: rest };
    if (resolution.status === 'ambiguous' && !ambiguous) ambiguous = { resolution, words: rest };
  }
  return ambiguous ?? { resolution: resolveEntity(store, words[0] ?? '', options), words: words.slice(1).join(' ') };
};
