import { dutchNumber } from './dutch-notation.js';
import { assertEindig } from './format-getal.js';
import { formatGroot } from './format-groot.js';

export interface BedragOpties {
  /** From one million on, write the amount in words: "€ 118 miljoen" (see formatGroot). */
  groot?: boolean;
  /** "teken" (default): "€ 1.250"; "woord": "1.250 euro", as in "20 miljoen euro". */
  valuta?: 'teken' | 'woord';
}


/**
 * An amount in euros: "€ 1.250", "€ 12,50", "€ 118 miljoen" (groot). Cents appear
 * only when the amount, rounded to cents, is not whole: ministries write "€ 1.250",
 * never "€ 1.250,00". A negative amount is "€ -12,50", the usual Dutch order.
 * The spaces are plain spaces; keeping "€" on the line of its number is the
 * typesetter's job.
 */
export function formatBedrag(value: number, opties: BedragOpties = {}): string {
  assertEindig(value, 'formatBedrag');
  const getal =
    opties.groot && Math.abs(value) >= 1e6 ? formatGroot(value) : dutchNumber(value, 2, 2).replace(/,00$/, '');
  return opties.valuta === 'woord' ? `${getal} euro` : `€ ${getal}`;
}
