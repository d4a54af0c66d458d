/** What became of one slot in this process. */
export type PostOutcome = 'posted' | 'found' | 'failed' | 'claimed-elsewhere' | 'busy' | 'ledger-failed';
