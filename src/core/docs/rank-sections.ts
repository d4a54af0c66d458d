/** The searchable columns of a docs section. */
export interface RankedSection {
  pageTitle: string;
  heading: string;
  text: string;
}

/** Column weights: a word in a page title outranks the same word in a heading, which outranks it in text. */
const WEIGHTS = [10, 5, 1] as const;
const COLUMNS = ['pageTitle', 'heading', 'text'] as const;
/** BM25's usual constants (FTS5's bm25() uses the same): term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
const NON_ASCII = /[\u0080-\uffff]/;
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** The words of `text` as FTS5's unicode61 tokenizer (remove_diacritics 2) folds them: no accents, lower case. */
export const foldWords = (text: string): string[] => text.normalize('NFKD').replace(MARKS, '').toLowerCase().match(WORD) ?? [];

/** How many words a column has, and how many of them each term matches (equals, or starts with `prefixes`). */
interface ColumnCounts {
  words: number;
  matches: number[];
}

const matchesTerm = (word: string, term: string, prefixes: boolean): boolean => (prefixes ? word.startsWith(term) : word === term);

const countFolded = (text: string, terms: readonly string[], prefixes: boolean): ColumnCounts => {
  const words = foldWords(text);
  return { words: words.length, matches: terms.map((term) => words.filter((word) => matchesTerm(word, term, prefixes)).length) };
};

const isAsciiWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/**
 * countFolded for plain ASCII (most docs text), scanning character codes instead of building the word list and
 * normalising Unicode: twice as fast, and the ranking of 200 candidates was most of a rare word's search time.
 */
const countAscii = (text: string, terms: readonly string[], prefixes: boolean): ColumnCounts => {
  const lower = text.toLowerCase();
  const counts: ColumnCounts = { words: 0, matches: terms.map(() => 0) };
  let start = -1;
  for (let at = 0; at <= lower.length; at++) {
    if (at < lower.length && isAsciiWordCode(lower.charCodeAt(at))) {
      if (start < 0) start = at;
      continue;
    }
    if (start < 0) continue;
    counts.words += 1;
    for (let index = 0; index < terms.length; index++) {
      const term = terms[index]!;
      const fits = prefixes ? at - start >= term.length : at - start === term.length;
      if (fits && lower.startsWith(term, start)) counts.matches[index]! += 1;
    }
    start = -1;
  }
  return counts;
};

const countWords = (text: string, terms: readonly string[], prefixes: boolean): ColumnCounts =>
  NON_ASCII.test(text) ? countFolded(text, terms, prefixes) : countAscii(text, terms, prefixes);

/**
 * Orders candidate sections best first by a BM25 score over their three columns, weighted 10/5/1, ties in the
 * given order. Every term counts alike: the candidates all matched every term already, and the index-wide
 * document frequencies BM25 weighs terms by cost FTS5's bm25() a full scan of each term's postings per query
 * (most of a common word's search time). Column lengths are normalised against the candidates' own averages.
 * With `prefixes`, a word counts when a term starts it (the terms as a person is still typing them).
 */
export const rankSections = <T extends RankedSection>(sections: readonly T[], terms: readonly string[], options: { prefixes: boolean }): T[] => {
  const counts = sections.map((section) => COLUMNS.map((column) => countWords(section[column], terms, options.prefixes)));
  const averages = COLUMNS.map((_, column) => Math.max(1, counts.reduce((sum, columns) => sum + columns[column]!.words, 0) / Math.max(1, sections.length)));
  const scores = counts.map((columns) =>
    columns.reduce((score, { words, matches }, column) => {
      const saturation = K1 * (1 - B + (B * words) / averages[column]!);
      return matches.reduce((sum, count) => (count > 0 ? sum + (WEIGHTS[column]! * count * (K1 + 1)) / (count + saturation) : sum), score);
    }, 0),
  );
  return sections
    .map((section, index) => ({ section, index }))
    .sort((a, b) => scores[b.index]! - scores[a.index]! || a.index - b.index)
    .map(({ section }) => section);
};
