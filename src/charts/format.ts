/**
 * Number formatting for the charts. Kept local to src/charts so the module has no
 * dependency on the template helpers; the output matches them: 90.000; 9,1.
 */

// signDisplay 'negative' keeps a value that rounds to zero from printing as "-0".
const vrij = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 10, signDisplay: 'negative' });
const vast = new Map<number, Intl.NumberFormat>();

/**
 * Dutch notation. Without `decimalen` up to 10 fraction digits, enough for any value an
 * author typed and few enough to hide binary noise (0.1 + 0.2 prints as 0,3).
 * With `decimalen` exactly that many, for axis ticks that should line up.
 */
export function formatGetal(value: number, decimalen?: number): string {
  if (decimalen === undefined) return vrij.format(value);
  const d = Math.min(20, Math.max(0, Math.trunc(decimalen)));
  let fmt = vast.get(d);
  if (!fmt) {
    fmt = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d, signDisplay: 'negative' });
    vast.set(d, fmt);
  }
  return fmt.format(value);
}

/**
 * A coordinate for the SVG: two decimals (1/100 mm is far below what print shows) and
 * never "-0", so that identical input gives byte-identical output on every machine.
 */
export function n(value: number): string {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
