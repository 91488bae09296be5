import { formatGetal } from './format-getal.js';
import { grootGetal } from './format-groot.js';

export interface BereikOpties {
  /** Write large bounds in words: "tussen de 1,2 en 1,4 miljoen" (see formatGroot). */
  groot?: boolean;
  /** Decimals for both bounds when not `groot` (as formatGetal). */
  decimalen?: number;
}

/**
 * "tussen de 90.000 en 127.000". The smaller bound always comes first, whatever the
 * order of the arguments: data columns are not always "laag, hoog", and "tussen de
 * 127.000 en 90.000" is never what a letter means. Equal bounds are still written as
 * a range, because the caller's sentence ("ligt tussen de …") needs the "tussen de".
 * With `groot`, bounds in the same unit share it: "tussen de 1,2 en 1,4 miljoen";
 * different units stay whole: "tussen de 850.000 en 1,2 miljoen".
 */
export function formatBereik(a: number, b: number, opties: BereikOpties = {}): string {
  const [laag, hoog] = a <= b ? [a, b] : [b, a];
  if (!opties.groot) {
    return `tussen de ${formatGetal(laag, opties.decimalen)} en ${formatGetal(hoog, opties.decimalen)}`;
  }
  const [l, h] = [grootGetal(laag), grootGetal(hoog)];
  if (l.eenheid && l.eenheid === h.eenheid) return `tussen de ${l.getal} en ${h.getal} ${h.eenheid}`;
  const voluit = (g: typeof l): string => (g.eenheid ? `${g.getal} ${g.eenheid}` : g.getal);
  return `tussen de ${voluit(l)} en ${voluit(h)}`;
}
