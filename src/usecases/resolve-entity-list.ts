import type { CatalogReader } from '../core/ports.ts';
import { resolveEntity } from './resolve-entity.ts';

/** Between the things of a list: "a, b", "a; b", "a and b", "a & b", "a + b". */
const LIST_SEPARATOR = /\s*[,;]\s*(?:(?:and|&)\s+)?|\s+(?:and|&|\+)\s+/i;
/** More than anyone asks about in one question; a longer list is a search, not a question. */
const MAX_ITEMS = 10;

/**
 * "checkout-service and cart-service", "orders-db, payments api": the entities a list names, in the order
 * named, when every item names exactly one. Undefined when the text is not a list, or when any item names
 * nothing or several things (the caller then answers for the whole text as it would for one name: nothing
 * is half-answered or guessed). Call it only after the whole text failed to resolve: a title may contain
 * "and" or a comma ("Search & Discovery").
 */
export const resolveEntityList = (store: CatalogReader, text: string, options: { callboardUrl?: string } = {}): string[] | undefined => {
  const items = text
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length < 2 || items.length > MAX_ITEMS) return undefined;
  const refs: string[] = [];
  for (const item of items) {
    const resolution = resolveEntity(store, item, options);
    if (resolution.status !== 'found') return undefined;
    refs.push(resolution.ref);
  }
  return [...new Set(refs)];
};
