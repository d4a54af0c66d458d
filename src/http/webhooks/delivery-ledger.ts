/**
 * Claims a piece of work once: true for the first claim of `kind` + `key`, false for every later one, in
 * this process or another on the same database, before or after a restart. The job ledger
 * (`SqliteJobLedger.claimOnce`) is the one main.ts passes.
 */
export interface DeliveryLedger {
  claimOnce(kind: string, key: string): Promise<boolean>;
}
