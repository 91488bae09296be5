import { z } from 'zod';
import { isoDatum, tekst } from '../format/common-schemas.js';
import { dossier } from '../records/source-schema.js';

/**
 * Front matter of the document types beyond the plain Kamerbrief. Every nested object
 * is strict, like the rest of the letter's own fields: a misspelt key is an error at
 * its position, never a silently missing line in the printed letter.
 */
export const DOCUMENT_TYPES = ['kamerbrief', 'voortgangsbrief', 'kamervragen', 'verzamelbrief', 'kamerstuk', 'eerste-kamer', 'rapport'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const nummerTekst = z.union([tekst, z.number().transform(String)]);

export const kamervragenSchema = z
  .object({
    brief_datum: isoDatum.describe('Date of the Kamer\'s letter that sent the questions'),
    lid: z.union([tekst, z.array(tekst).min(1)]).describe('The member (or members) who asked, e.g. Buitenweg'),
    partij: tekst.optional().describe('Their party, e.g. GroenLinks'),
    onderwerp: tekst.describe('What the questions are about, in lower case: ex-partnergeweld'),
    ingezonden: isoDatum.describe('Date the questions were submitted'),
    zaaknummer: tekst.describe('The Kamer\'s zaak number, e.g. 2020Z15904'),
    beantwoord_door: tekst.optional().describe('Who answers, e.g. "de minister voor Rechtsbescherming"; default: the signatories and mede_namens'),
  })
  .strict();

export const kamerstukSchema = z
  .object({
    kamer: z.enum(['II', 'I']).default('II').describe('Tweede (II) or Eerste (I) Kamer'),
    dossier: dossier.describe('Dossier number, e.g. 28345 or "36600-XVI"'),
    titel: tekst.describe('Title of the dossier, e.g. Aanpak huiselijk geweld'),
    nummer: nummerTekst.describe('Number of this paper in the dossier, e.g. 285'),
    brief_van: tekst.describe('Who writes, e.g. "de staatssecretarissen van Justitie en Veiligheid en van VWS"'),
  })
  .strict();

export const eersteKamerSchema = z
  .object({
    letter: z.string().trim().regex(/^[A-Z]{1,3}\d*$/, 'must be a letter code such as C or C1').describe('The Eerste Kamer letter code, e.g. C'),
    dossier: dossier.describe('Dossier number, e.g. 36123'),
    titel: tekst.describe('Title of the dossier'),
    brief_van: tekst.describe('Who writes, e.g. "de staatssecretaris van VWS en de minister voor Rechtsbescherming"'),
    tweede_kamerbrief: tekst.optional().describe('Title of the Tweede Kamer letter sent along; default: betreft'),
    toezegging: tekst.optional().describe('Id of a toezegging in data/toezeggingen.yaml this letter settles'),
  })
  .strict();

export const vraagSchema = z.object({ vraag: tekst, antwoord: tekst }).strict();
/** data/vragen.yaml of a kamervragen project. */
export const vragenSchema = z.array(vraagSchema).min(1, 'needs at least one question');

export type KamervragenMeta = z.output<typeof kamervragenSchema>;
export type KamerstukMeta = z.output<typeof kamerstukSchema>;
export type EersteKamerMeta = z.output<typeof eersteKamerSchema>;
