import { OnCallUnavailableError } from '../../core/oncall/on-call.ts';

const PAGE_SIZE = 100;
/** PagerDuty refuses `offset + limit` above this with a 400 (reference §1.5). */
const OFFSET_CEILING = 10_000;

export interface Page<T> {
  items: T[];
  more?: boolean | undefined;
}

/**
 * Every item of a classic-paginated list, 100 at a time: the offset advances by what came back (not the echoed
 * limit), and paging stops when `more` is false or a page is empty. `total` is never relied on (it is null unless
 * asked for). Past the 10,000 ceiling it refuses rather than answer with part of the list.
 */
export async function listAllPages<T>(fetchPage: (offset: number, limit: number) => Promise<Page<T>>, what: string): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const limit = Math.min(PAGE_SIZE, OFFSET_CEILING - items.length);
    if (limit <= 0)
      throw new OnCallUnavailableError(`PagerDuty lists more than ${OFFSET_CEILING.toLocaleString('en')} ${what}; Callboard reads at most that many`);
    const page = await fetchPage(items.length, limit);
    items.push(...page.items);
    if (!page.more || page.items.length === 0) return items;
  }
}
