/**
 * Median, min and max of a handful of timings. The median is the number we
 * compare: on a noisy 2-core machine one slow run (a GC pause, another job)
 * would drag a mean around, while min/max show how wide the spread was.
 */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // noUncheckedIndexedAccess: indexes are in range because length > 0.
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

/** a ÷ b on medians, rounded to 2 decimals: the form every goal is stated in. */
export function ratio(a: Summary, b: Summary): number {
  return round(a.median / b.median, 2);
}

export function round(value: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
