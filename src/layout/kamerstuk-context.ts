import { formatDatum } from '../format/format-datum.js';
import { formatDossier } from '../format/format-dossier.js';
import { schrijfVergaderjaar, vergaderjaar, parseVergaderjaar } from '../format/vergaderjaar.js';
import type { LetterMeta } from '../model/letter-schema.js';

/** The head of a printed Kamerstuk, as the layout's partials show it. */
export interface KamerstukKop {
  kamer: string;
  jaar: string;
  dossier: string;
  dossier_titel: string;
  /** "Nr. 285" for the Tweede Kamer, the letter code ("C") for the Eerste Kamer. */
  nummer: string;
  brief_van: string;
  aan: string;
  plaats_datum: string;
  /** The running header of the following pages. */
  lopende_kop: string;
}

/**
 * The parliamentary print of a letter: from `kamerstuk:` (a Tweede Kamer paper with a
 * number) or `eerste_kamer:` (an Eerste Kamer paper with a letter code). The
 * vergaderjaar is derived from the letter's date and written with an en dash, as the
 * Staten-Generaal print it.
 */
export function kamerstukKop(meta: LetterMeta, bron: 'kamerstuk' | 'eerste_kamer'): KamerstukKop | undefined {
  const vj = vergaderjaar(meta.datum);
  const jaar = vj === undefined ? meta.datum.slice(0, 4) : schrijfVergaderjaar(parseVergaderjaar(vj)!, 'kamerstuk');
  const datum = `Den Haag, ${formatDatum(meta.datum) ?? meta.datum}`;
  if (bron === 'kamerstuk' && meta.kamerstuk) {
    const k = meta.kamerstuk;
    const kamer = k.kamer === 'I' ? 'Eerste Kamer' : 'Tweede Kamer';
    const dossier = formatDossier(k.dossier, meta.dossiernotatie);
    return {
      kamer: `${kamer} der Staten-Generaal`,
      jaar,
      dossier,
      dossier_titel: k.titel,
      nummer: `Nr. ${k.nummer}`,
      brief_van: `BRIEF VAN ${k.brief_van.toUpperCase()}`,
      aan: `Aan de Voorzitter van de ${kamer} der Staten-Generaal`,
      plaats_datum: datum,
      lopende_kop: `${kamer}, vergaderjaar ${jaar}, ${dossier}, nr. ${k.nummer}`,
    };
  }
  if (bron === 'eerste_kamer' && meta.eerste_kamer) {
    const e = meta.eerste_kamer;
    const dossier = formatDossier(e.dossier, meta.dossiernotatie);
    return {
      kamer: 'Eerste Kamer der Staten-Generaal',
      jaar,
      dossier,
      dossier_titel: e.titel,
      nummer: e.letter,
      brief_van: `BRIEF VAN ${e.brief_van.toUpperCase()}`,
      aan: 'Aan de Voorzitter van de Eerste Kamer der Staten-Generaal',
      plaats_datum: datum,
      lopende_kop: `Eerste Kamer, vergaderjaar ${jaar}, ${dossier}, ${e.letter}`,
    };
  }
  return undefined;
}
