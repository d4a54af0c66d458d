import { kindWordFor, type KindWord } from './kind-words.ts';
import { normalisedWords } from './normalise-text.ts';

/** A typed phrase ready for lookup: its key as a whole, and the kind word at its end or start, if any. */
export interface PhraseQuery {
  /** The whole phrase as a key, e.g. `payments-api`. */
  whole: string;
  /** Keys that mean the same as the whole phrase: the kind word in its other spellings (`orders-database` → `orders-db`). */
  wholeVariants: string[];
  kindWord?: KindWord;
  /** The phrase without its kind word, e.g. `payments`; set only with `kindWord`. */
  remainder?: string;
  /** The words for a full-text search: the remainder's when there is a kind word. */
  searchText: string;
}

/** Words people put before a name that are never part of it. */
const LEADING_FILLER = new Set(['the', 'our', 'my', 'your']);

/** The typed words (split at spaces only) that are kind words, by position: first or last, last preferred. */
const kindWordPosition = (typed: readonly string[]): number => {
  if (typed.length < 2) return -1;
  if (kindWordFor(normalisedWords(typed.at(-1)!).join('-'))) return typed.length - 1;
  return kindWordFor(normalisedWords(typed[0]!).join('-')) ? 0 : -1;
};

/**
 * Splits "the payments api" into the key `payments-api`, the kind word "api" and the remainder `payments`.
 * The kind word is the last typed word, else the first ("api payments"). Only a word on its own counts:
 * `payments-api` typed as one name is that name, whatever its last part says.
 */
export const analysePhrase = (text: string): PhraseQuery => {
  const typed = text
    .trim()
    .split(/\s+/)
    .filter((word) => normalisedWords(word).length > 0);
  while (typed.length > 1 && LEADING_FILLER.has(normalisedWords(typed[0]!).join('-'))) typed.shift();
  const words = typed.flatMap(normalisedWords);
  const whole = words.join('-');
  const at = kindWordPosition(typed);
  if (at === -1) return { whole, wholeVariants: [], searchText: words.join(' ') };
  const spelling = normalisedWords(typed[at]!).join('-');
  const kindWord = kindWordFor(spelling)!;
  const before = typed.slice(0, at).flatMap(normalisedWords);
  const after = typed.slice(at + 1).flatMap(normalisedWords);
  const rest = [...before, ...after];
  const wholeVariants = kindWord.spellings.filter((other) => other !== spelling).map((other) => [...before, other, ...after].join('-'));
  return { whole, wholeVariants, kindWord, remainder: rest.join('-'), searchText: rest.join(' ') };
};

/** Every key a phrase is looked up under, whole forms first. */
export const phraseKeys = (query: PhraseQuery): string[] => [
  ...new Set([query.whole, ...query.wholeVariants, ...(query.remainder ? [query.remainder] : [])].filter((key) => key !== '')),
];
