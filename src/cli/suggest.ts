/** The candidate closest to what was typed, if it is close enough to be a typo of it. */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(typed, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  // One edit in a short word, two in a longer one, or a prefix ("--str" for "--strict").
  const allowed = typed.length <= 4 ? 1 : 2;
  if (best !== undefined && (bestDistance <= allowed || (typed.length >= 3 && best.startsWith(typed)))) return best;
  return undefined;
}

/** Optimal string alignment distance: a swap of two neighbours ("biuld") counts as one edit. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
