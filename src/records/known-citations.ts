import { formatCitation, type Huisstijl } from './format-citation.js';
import { citationKey, type KnownCitations } from './lint-citations.js';
import type { Register } from './load-register.js';
import { motieAsBron } from './record-phrases.js';

/**
 * The Kamerstukken and Handelingen among the project's records, as their citations in
 * the house style: a footnote written by hand that cites one of them is told which
 * helper call writes it from the record.
 */
export function knownCitations(register: Register, stijl: Huisstijl): KnownCitations {
  const known = new Map<string, { id: string; call: string }>();
  const lookup = (id: string) => register.bronnen.find((b) => b.id === id);
  for (const bron of register.bronnen) {
    if (bron.soort !== 'kamerstuk' && bron.soort !== 'handelingen') continue;
    known.set(citationKey(formatCitation(bron, stijl, lookup)), { id: bron.id, call: `{{bron "${bron.id}"}}` });
  }
  for (const motie of register.moties) {
    if (motie.nummer === undefined) continue;
    const key = citationKey(formatCitation(motieAsBron(motie), stijl));
    if (!known.has(key)) known.set(key, { id: motie.id, call: `{{motie "${motie.id}"}}` });
  }
  return known;
}

/** The known citations as one string, for the render cache's key. */
export function knownCitationsState(known: KnownCitations | undefined): string {
  return known ? JSON.stringify([...known]) : '';
}
