import { snippetMark } from './docs-library.ts';

/** A word as FTS5's unicode61 tokenizer (remove_diacritics 2) folds it: no accents, lower case. */
const fold = (word: string): string => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * A window of `size` words of `text` around the first word a query term starts (terms match as prefixes, as in
 * search), each matching word between `snippetMark` pairs, with `…` where the text goes on. Done here rather than
 * with FTS5's snippet(), which re-runs the whole full-text query to find the hits' positions.
 */
export const markSnippet = (text: string, terms: readonly string[], size = 16): string => {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, word: fold(match[0]) }));
  const matches = (word: string): boolean => terms.some((term) => word.startsWith(term));
  const first = Math.max(
    0,
    words.findIndex((word) => matches(word.word)),
  );
  const start = Math.max(0, Math.min(first - Math.floor(size / 4), words.length - size));
  const end = Math.min(words.length, start + size);
  let snippet = start > 0 ? '…' : '';
  let at = start > 0 ? words[start]!.start : 0;
  for (const word of words.slice(start, end)) {
    snippet += text.slice(at, word.start);
    const original = text.slice(word.start, word.end);
    snippet += matches(word.word) ? `${snippetMark.start}${original}${snippetMark.end}` : original;
    at = word.end;
  }
  return end < words.length ? `${snippet}…` : snippet + text.slice(at);
};
