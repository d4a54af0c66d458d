import { distance } from 'fastest-levenshtein';

/** Splits what a person typed into the terms the FTS5 unicode61 tokenizer produces. */
export const tokenizeQuery = (query: string): string[] =>
  query
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 16);

/**
 * Builds an FTS5 MATCH expression: every term must match, each as a prefix. Terms are quoted, so
 * nothing a person types can inject FTS5 syntax (column filters, NEAR, boolean operators).
 */
export const toMatchExpression = (terms: readonly string[]): string => terms.map((term) => `"${term.replace(/"/g, '""')}"*`).join(' AND ');

/** How far a typo may be from the word meant: 1 edit for short words, 2 for longer ones. */
const allowedEdits = (term: string): number => (term.length <= 4 ? 1 : 2);

/**
 * The closest known term to a mistyped one, or undefined. Ties go to the more common term.
 * `vocabulary` maps terms to how many entities use them.
 */
export const closestTerm = (term: string, vocabulary: ReadonlyMap<string, number>): string | undefined => {
  let best: { term: string; edits: number; uses: number } | undefined;
  const limit = allowedEdits(term);
  for (const [candidate, uses] of vocabulary) {
    if (Math.abs(candidate.length - term.length) > limit) continue;
    const edits = distance(term, candidate);
    if (edits > limit || edits === 0) continue;
    if (!best || edits < best.edits || (edits === best.edits && uses > best.uses)) best = { term: candidate, edits, uses };
  }
  return best?.term;
};

/** Rewrites a query whose terms are unknown into the nearest known terms; undefined when nothing better exists. */
export const suggestQuery = (
  terms: readonly string[],
  isKnownPrefix: (term: string) => boolean,
  vocabulary: ReadonlyMap<string, number>,
): string[] | undefined => {
  let changed = false;
  const corrected = terms.map((term) => {
    if (isKnownPrefix(term)) return term;
    const replacement = closestTerm(term, vocabulary);
    if (!replacement) return term;
    changed = true;
    return replacement;
  });
  return changed ? corrected : undefined;
};
