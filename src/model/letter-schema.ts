import { z } from 'zod';
import { isoDatum, regels, tekst } from './common-schemas.js';
import { registerAppendixSchema } from '../records/register-appendix.js';

export { isoDatum, tekst };

export const afzenderSchema = z
  .object({
    organisatie: tekst,
    onderdeel: tekst,
    directie: tekst.optional(),
    bezoekadres: regels.optional(),
    postadres: regels,
    website: tekst.optional(),
    contactpersoon: tekst.optional(),
  })
  .strict();

export const ondertekenaarSchema = z.object({ functie: tekst, naam: tekst }).strict();

export const lettertypeSchema = z
  .object({
    familie: tekst,
    bestanden: z
      .object({ normaal: tekst, vet: tekst.optional(), cursief: tekst.optional(), vetcursief: tekst.optional() })
      .strict(),
  })
  .strict();

export const TWEEDE_KAMER = [
  'Aan de Voorzitter van de Tweede Kamer',
  'der Staten-Generaal',
  'Postbus 20018',
  '2500 EA DEN HAAG',
];

/**
 * The letter's own fields. Other top-level keys are the author's data and pass
 * through untouched; nested objects are strict so that a typo in a field name is an
 * error rather than a silently empty colofon line.
 */
export const letterSchema = z
  .object({
    afzender: afzenderSchema.describe('The sending organisation: logo text and colofon'),
    geadresseerde: regels.default(TWEEDE_KAMER).describe('Address block, one line per item'),
    retouradres: tekst.optional().describe('Small line above the address; default: the postal address on one line'),
    datum: isoDatum.describe('Date of the letter, YYYY-MM-DD'),
    betreft: tekst.describe('Subject line (Betreft), also the PDF title'),
    onze_referentie: z.union([tekst, z.number().transform(String)]).describe('Onze referentie (kenmerk)'),
    uw_referentie: z.union([tekst, z.number().transform(String)]).optional().describe('Uw referentie, when answering a letter'),
    ondertekening: z.array(ondertekenaarSchema).min(1, 'needs at least one signatory').describe('Signature blocks, in order'),
    nummering: z.boolean().default(false).describe('Number sections 1., 2. and their subsections a., b.'),
    logo: tekst.optional().describe('Logo image inside the project; default: a neutral placeholder'),
    browser: tekst.optional().describe('Path to Chromium or Chrome'),
    lettertype: lettertypeSchema.optional().describe('Font files inside the project; default: Fira Sans'),
    citatiestijl: z
      .enum(['ministerie', 'ar'])
      .default('ministerie')
      .describe('House style of citations: the ministry style of the seeds, or Aanwijzingen voor de regelgeving 3.43'),
    voetnoten: z
      .object({ herhaling: z.enum(['zie-voetnoot', 'volledig']).default('zie-voetnoot') })
      .strict()
      .default({ herhaling: 'zie-voetnoot' })
      .describe('A second citation of the same source: "Zie voetnoot n" or the full citation again'),
    uitvoer: z
      .object({ naam: z.string().regex(/^[A-Za-z0-9._-]+$/, 'may hold letters, digits, ".", "_" and "-" only') })
      .strict()
      .default({ naam: 'brief' }),
  })
  .loose();

export type LetterMeta = z.output<typeof letterSchema>;

export const sectionSchema = z
  .object({
    titel: tekst,
    volgorde: z.number().int().optional(),
    inhoudsopgave: z.boolean().default(false),
    /** A bijlage generated from the moties and toezeggingen in data/. */
    register: registerAppendixSchema.optional(),
  })
  .strict();

export type SectionMeta = z.output<typeof sectionSchema>;

/** Examples shown in hints when a required field is missing. */
export const FIELD_EXAMPLES: Record<string, string> = {
  afzender: 'afzender:\n      organisatie: Ministerie van …\n      onderdeel: Directoraat-Generaal …\n      postadres: [Postbus 20350, 2500 EJ Den Haag]',
  datum: 'datum: 2025-06-30',
  betreft: 'betreft: Voortgang aanpak …',
  onze_referentie: 'onze_referentie: "4123456"',
  ondertekening: 'ondertekening:\n      - functie: De Minister van …,\n        naam: A. Jansen',
  titel: 'titel: Inleiding',
  organisatie: 'organisatie: Ministerie van …',
  onderdeel: 'onderdeel: Directoraat-Generaal …',
  postadres: 'postadres: [Postbus 20350, 2500 EJ Den Haag]',
  functie: 'functie: De Minister van …,',
  naam: 'naam: A. Jansen',
};
