import { dutchNumber } from './dutch-notation.js';
import { assertEindig, formatGetal } from './format-getal.js';

export type GrootEenheid = 'miljoen' | 'miljard';

/** A large number split into its digits and unit word, so that a range can share the unit. */
export interface GrootGetal {
  getal: string;
  eenheid?: GrootEenheid;
}

const MILJOEN = 1e6;
const MILJARD = 1e9;
const eenDecimaal = (value: number): string => dutchNumber(value, 0, 1);

/**
 * The rule, as ministries write large numbers in running text:
 * - below one million (in absolute value): the plain number, unrounded (850.000);
 * - from one million: millions, from one billion: "miljard", rounded to at most one
 *   decimal, half away from zero, a trailing ",0" dropped (1,3 miljoen; 2 miljoen;
 *   118 miljoen; 1,5 miljard). So the text is within 0.05 of a unit of the value.
 * - a value that rounds up to 1.000 miljoen is written as 1 miljard;
 * - there is no "biljoen": 1,2 × 10¹² is "1.200 miljard", which no reader misreads
 *   (the English "billion" makes "biljoen" a trap).
 */
export function grootGetal(value: number): GrootGetal {
  assertEindig(value, 'formatGroot');
  const abs = Math.abs(value);
  if (abs < MILJOEN) return { getal: formatGetal(value) };
  // Below a billion the millions round to at most "1.000", which must become "1 miljard".
  if (abs < MILJARD && eenDecimaal(abs / MILJOEN) !== '1.000') {
    return { getal: eenDecimaal(value / MILJOEN), eenheid: 'miljoen' };
  }
  return { getal: eenDecimaal(value / MILJARD), eenheid: 'miljard' };
}

/** 1300000 → "1,3 miljoen"; 850000 → "850.000". See grootGetal for the rounding rule. */
export function formatGroot(value: number): string {
  const { getal, eenheid } = grootGetal(value);
  return eenheid ? `${getal} ${eenheid}` : getal;
}
