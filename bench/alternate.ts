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
