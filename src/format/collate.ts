/** Lowercase letters, digits, spaces and hyphens: ISO dates, ids, status words. */
const PLAIN = /^[a-z0-9 -]*$/;

/**
 * Dutch alphabetical order, as localeCompare(b, 'nl'). For plain strings (ISO dates,
 * ids such as "motie-29279-890", status words) that order is the order of their code
 * units, and comparing those skips ICU's collator, which takes 10–15 ms to start in
 * every cold check. test/unit/dutch-notation.test.ts pins the two to each other.
 */
export function collate(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b, 'nl');
}
