/**
 * Alternates A and B, swapping which goes first every round (A B, B A, A B …), so a
 * slow drift of the machine (thermal, page cache, a neighbour's job) lands on both
 * sides equally instead of on whichever always runs second.
 */
export async function alternate<T>(rounds: number, a: () => Promise<T>, b: () => Promise<T>, onRound: (i: number) => void) {
  const as: T[] = [];
  const bs: T[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
    onRound(i);
  }
  return { as, bs };
}

/**
 * The same for more than two: every round runs each once, the order shifted by one
 * each round (A B C, B C A, C A B …), so no measurement always follows the same one.
 */
export async function rotate<K extends string, T>(rounds: number, runs: Record<K, () => Promise<T>>, onRound: (i: number) => void): Promise<Record<K, T[]>> {
  const keys = Object.keys(runs) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as T[]])) as Record<K, T[]>;
  for (let i = 0; i < rounds; i++) {
    for (let j = 0; j < keys.length; j++) {
      const key = keys[(i + j) % keys.length]!;
      out[key].push(await runs[key]());
    }
    onRound(i);
  }
  return out;
}
