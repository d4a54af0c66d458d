/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order.
 * Reading 100k files at once would exhaust file descriptors; one at a time would be slow.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, work);
  await Promise.all(workers);
  return results;
}
