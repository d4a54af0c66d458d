export interface Percentiles {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** p50/p99/max of latency samples in milliseconds. */
export const percentiles = (samples: readonly number[]): Percentiles => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
};
