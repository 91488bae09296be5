const NUMERALS: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → I, 14 → XIV. Chapters beyond a few thousand do not occur in a letter. */
export function roman(n: number): string {
  let rest = n;
  let s = '';
  for (const [value, numeral] of NUMERALS) {
    while (rest >= value) {
      s += numeral;
      rest -= value;
    }
  }
  return s;
}

/** 0 → a, 25 → z, 26 → aa: lettering never runs out. */
export function letterFor(index: number): string {
  let s = '';
  let i = index;
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}
