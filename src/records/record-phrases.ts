import { formatDatum } from '../format/format-datum.js';
import { formatDossier, VASTE_SPATIE, type DossierNotatie } from '../format/format-dossier.js';
import { vergaderjaar } from '../format/vergaderjaar.js';
import type { Motie, Toezegging } from './register-schema.js';
import type { KamerstukBron } from './source-schema.js';

/**
 * How a letter names a motie: "de motie van het lid Mutluer", "de motie van de
 * leden Van der Werf en Becker", and with three or more indieners only the first,
 * followed by "c.s." (cum suis), as the Kamer itself writes it.
 */
export function motiePhrase(motie: Motie): string {
  const namen = motie.indieners.map((i) => i.naam);
  const wat = motie.soort === 'amendement' ? 'het amendement' : 'de motie';
  if (namen.length === 1) return `${wat} van het lid ${namen[0]}`;
  if (namen.length === 2) return `${wat} van de leden ${namen[0]} en ${namen[1]}`;
  return `${wat} van het lid ${namen[0]} c.s.`;
}

/** "de toezegging van de staatssecretaris … tijdens het commissiedebat … van 16 oktober 2024". */
export function toezeggingPhrase(toezegging: Toezegging, datum: (iso: string) => string = defaultDatum): string {
  const waar = toezegging.debat ? ` tijdens ${toezegging.debat}` : '';
  return `de toezegging van ${toezegging.bewindspersoon}${waar} van ${datum(toezegging.datum)}`;
}

/** How a record is named in a register table: "Motie Van der Werf en Becker (29279, nr. 890)". */
export function recordLabel(record: Motie | Toezegging, notatie: DossierNotatie): string {
  if (record.soort === 'toezegging') return `Toezegging${record.nummer ? ` ${record.nummer}` : ''}: ${record.titel}`;
  const namen = record.indieners.map((i) => i.naam);
  const wie = namen.length > 2 ? `${namen[0]} c.s.` : namen.join(' en ');
  const soort = record.soort === 'amendement' ? 'Amendement' : 'Motie';
  return `${soort} ${wie} (${formatDossier(record.dossier, notatie, VASTE_SPATIE)}, nr. ${record.nummer}): ${record.titel}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function defaultDatum(iso: string): string {
  return formatDatum(iso) ?? iso;
}

/** A motie is itself a Kamerstuk: its citation is that of dossier and number. */
export function motieAsBron(motie: Motie): KamerstukBron {
  return {
    id: motie.id,
    soort: 'kamerstuk',
    kamer: motie.kamer === 'Eerste Kamer' ? 'I' : 'II',
    vergaderjaar: motie.vergaderjaar ?? vergaderjaar(motie.datum) ?? '',
    dossier: motie.dossier,
    nummer: motie.nummer,
  };
}
