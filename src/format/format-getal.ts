import { dutchNumber } from './dutch-notation.js';


/**
 * Writes a number the Dutch way: 90.000; 9,1; 1.300.000. With `decimalen` the
 * fraction is rounded to that many digits (9,10 with 2). Throws a RangeError for
 * NaN and Infinity: "NaN" must never reach a letter; helpers check input with toNumber.
 */
export function formatGetal(value: number, decimalen?: number): string {
  assertEindig(value, 'formatGetal');
  // A value that rounds to zero comes out as "0", never "-0" or "-0,0".
  return decimalen === undefined ? dutchNumber(value, 0, 20) : dutchNumber(value, decimalen, decimalen);
}

/** Accepts numbers and numeric strings as CSV cells give them ("90000", "9.1"). */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Shared guard of the number formatters (see formatGetal for why they throw). */
export function assertEindig(value: number, functie: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${functie}: ${String(value)} is not a finite number`);
}
