import { TtlCache } from '../../slack/ttl-cache.ts';

/** Claims a piece of work once: true for the first claim of `kind` + `key`, false for every later one. */
export interface DeliveryLedger {
  claimOnce(kind: string, key: string): Promise<boolean>;
}

/** GitHub redelivers on request, days later at most; a week covers it. */
const REMEMBER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * A ledger in this process's memory: redeliveries are caught until a restart. The job ledger in SQLite
 * (src/schedule) is the durable one; this serves when it is not wired in.
 */
export const createMemoryDeliveryLedger = (now: () => number = Date.now): DeliveryLedger => {
  const claimed = new TtlCache<string, true>(now, 100_000);
  return {
    claimOnce: async (kind, key) => {
      const id = `${kind}\u0000${key}`;
      if (claimed.get(id)) return false;
      claimed.set(id, true, REMEMBER_MS);
      return true;
    },
  };
};
