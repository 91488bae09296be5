/**
 * Number formatting for the charts. Kept apart from the template helpers; the output
 * matches them: 90.000; 9,1. Values are finite (validate.ts).
 */
import { dutchNumber } from '../format/dutch-notation.js';

/**
 * Dutch notation. Without `decimalen` up to 10 fraction digits, enough for any value an
 * author typed and few enough to hide binary noise (0.1 + 0.2 prints as 0,3).
 * With `decimalen` exactly that many, for axis ticks that should line up. A value that
 * rounds to zero never prints as "-0".
 */
export function formatGetal(value: number, decimalen?: number): string {
  if (decimalen === undefined) return dutchNumber(value, 0, 10);
  const d = Math.min(20, Math.max(0, Math.trunc(decimalen)));
  return dutchNumber(value, d, d);
}

/**
 * A coordinate for the SVG: two decimals (1/100 mm is far below what print shows) and
 * never "-0", so that identical input gives byte-identical output on every machine.
 */
export function n(value: number): string {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}
