/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order.
 * Reading 100k files at once would exhaust file descriptors; one at a time would be slow.
 * After a call throws, no new one starts, and the first error is thrown once the calls in flight have ended: a caller
 * closing what the calls use (a git reader, a folder reader) in `finally` never closes it under a running call.
 */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const work = async (): Promise<void> => {
    try {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index] as T, index);
      }
    } catch (error) {
      next = items.length;
      throw error;
    }
  };
  const workers = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, work));
  const failed = workers.find((worker) => worker.status === 'rejected');
  if (failed) throw failed.reason;
  return results;
}
