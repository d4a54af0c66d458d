import type { EntitySummary } from '../catalog-reader/catalog-queries.ts';
import type { PhraseQuery } from './analyse-phrase.ts';
import { fitsKind, prefersType } from './kind-words.ts';
import { matchSummary, type LookupMatch } from './lookup-key.ts';

/** One entity, one choice, or nothing among the entities found under a phrase's or a URL's keys. */
export type MatchPick = { status: 'found'; ref: string } | { status: 'ambiguous'; candidates: EntitySummary[] } | { status: 'none' };

/** Kinds a person never means when they name a thing to ask about, unless they say the kind ("the acme-org location"). */
const NEVER_MEANT = new Set(['location']);

const decide = (matches: readonly LookupMatch[]): MatchPick => {
  const byRef = new Map(matches.map((match) => [match.ref, match]));
  if (byRef.size === 0) return { status: 'none' };
  if (byRef.size === 1) return { status: 'found', ref: [...byRef.keys()][0]! };
  return { status: 'ambiguous', candidates: [...byRef.values()].map(matchSummary).sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0)) };
};

/** Keeps the matches that pass `test`, unless none does (a preference, not a filter). */
const preferring = (matches: readonly LookupMatch[], test: (match: LookupMatch) => boolean): LookupMatch[] => {
  const preferred = matches.filter(test);
  return preferred.length > 0 ? preferred : [...matches];
};

/**
 * How well a match fits the phrase, lower is better: the whole phrase as a name (0), as a title or alias (1);
 * the phrase without its kind word as a name (2), as a title or alias (3).
 */
const tierOf = (query: PhraseQuery, match: LookupMatch): number => {
  const whole = match.key === query.whole || query.wholeVariants.includes(match.key);
  return (whole ? 0 : 2) + (match.source === 'name' ? 0 : 1);
};

/**
 * Picks among the entities found under a phrase's keys. The kind word steers: a match without the kind
 * word only counts for entities of that kind, and of entities that fit equally the kind word's kind and
 * then its preferred type win. Whatever is still tied after that is a choice for the person, never a guess.
 */
export const pickPhraseMatch = (query: PhraseQuery, matches: readonly LookupMatch[]): MatchPick => {
  const word = query.kindWord;
  const saysKind = (match: LookupMatch) => word !== undefined && fitsKind(word, match.kind);
  const counted = matches.filter((match) => (!NEVER_MEANT.has(match.kind.toLowerCase()) || saysKind(match)) && (tierOf(query, match) < 2 || saysKind(match)));
  const fitting = word ? preferring(counted, (match) => fitsKind(word, match.kind)) : counted;
  const best = Math.min(...fitting.map((match) => tierOf(query, match)));
  const top = fitting.filter((match) => tierOf(query, match) === best);
  return decide(word ? preferring(top, (match) => prefersType(word, match.type)) : top);
};

/**
 * Picks among the entities found under one URL key level. An entity whose repository or catalog file this is
 * wins over one that merely links to it, and of several in one repository its Component (the repository is
 * the component's code; the API or Resource beside it is described there).
 */
export const pickUrlMatch = (matches: readonly LookupMatch[]): MatchPick => {
  const meant = matches.filter((match) => !NEVER_MEANT.has(match.kind.toLowerCase()));
  const owned = preferring(meant, (match) => match.source === 'repo');
  const refs = new Set(owned.map((match) => match.ref));
  const components = new Set(owned.filter((match) => match.kind.toLowerCase() === 'component').map((match) => match.ref));
  return decide(refs.size > 1 && components.size === 1 ? owned.filter((match) => components.has(match.ref)) : owned);
};
