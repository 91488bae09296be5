import { z } from 'zod';
import { isoDatum, regels, tekst } from './common-schemas.js';
import { registerAppendixSchema } from '../records/register-appendix.js';
import { DOCUMENT_TYPES, eersteKamerSchema, kamerstukSchema, kamervragenSchema } from './type-schemas.js';

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
export const letterFieldsSchema = z
  .object({
    afzender: afzenderSchema.describe('The sending organisation: logo text and colofon'),
    geadresseerde: regels.default(TWEEDE_KAMER).describe('Address block, one line per item'),
    retouradres: tekst.optional().describe('Small line above the address; default: the postal address on one line'),
    datum: isoDatum.describe('Date of the letter, YYYY-MM-DD'),
    betreft: tekst.describe('Subject line (Betreft), also the PDF title'),
    onze_referentie: z.union([tekst, z.number().transform(String)]).describe('Onze referentie (kenmerk)'),
    uw_referentie: z.union([tekst, z.number().transform(String)]).optional().describe('Uw referentie, when answering a letter'),
    ondertekening: z.array(ondertekenaarSchema).min(1, 'needs at least one signatory').describe('Signature blocks, in order'),
    ondertekening_weergave: z.enum(['onder', 'naast']).default('onder').describe('Signatories stacked (onder) or side by side (naast)'),
    mede_namens: z.array(tekst).optional().describe('Co-responsible ministers: "mede namens …" in the type texts and {{mede_namens_tekst}}'),
    type: z.enum(DOCUMENT_TYPES).default('kamerbrief').describe('The kind of document; see "Document types" in the README'),
    kamervragen: kamervragenSchema.optional().describe('type kamervragen: the questions being answered'),
    kamerstuk: kamerstukSchema.optional().describe('type kamerstuk: the parliamentary paper'),
    eerste_kamer: eersteKamerSchema.optional().describe('type eerste-kamer, or a cover letter to the Eerste Kamer bound in front'),
    nummering: z.boolean().default(false).describe('Number sections 1., 2. and their subsections a., b.'),
    logo: tekst.optional().describe('Logo image inside the project; default: a neutral placeholder'),
    browser: tekst.optional().describe('Path to Chromium or Chrome'),
    lettertype: lettertypeSchema.optional().describe('Font files inside the project; default: Fira Sans'),
    citatiestijl: z
      .enum(['ministerie', 'ar'])
      .default('ministerie')
      .describe('House style of citations: the ministry style of the seeds, or Aanwijzingen voor de regelgeving 3.43'),
    aanhalingstekens: z
      .enum(['gekruld', 'recht'])
      .default('gekruld')
      .describe("Quotes and apostrophes: Dutch curly ones (‘…’, “…”, regio’s) or straight as typed (recht)"),
    afbreken: z.boolean().default(false).describe('Dutch hyphenation of long words at the end of a line (the Rijkshuisstijl letter is ragged right)'),
    voetnoten: z
      .object({ herhaling: z.enum(['zie-voetnoot', 'volledig']).default('zie-voetnoot') })
      .strict()
      .default({ herhaling: 'zie-voetnoot' })
      .describe('A second citation of the same source: "Zie voetnoot n" or the full citation again'),
    uitvoer: z
      .object({
        naam: z.string().regex(/^[A-Za-z0-9._-]+$/, 'may hold letters, digits, ".", "_" and "-" only').default('brief'),
        splitsen: z.boolean().default(false).describe('One PDF per document: the letter and each bijlage'),
      })
      .strict()
      .default({ naam: 'brief', splitsen: false }),
  })
  .loose();

/** The letter's fields, and the block a type needs required for that type only. */
export const letterSchema = letterFieldsSchema.superRefine((brief, issues) => {
  // A type's own front matter is required by that type only.
  const needs = { kamervragen: 'kamervragen', kamerstuk: 'kamerstuk', 'eerste-kamer': 'eerste_kamer' } as const;
  const field = brief.type in needs ? needs[brief.type as keyof typeof needs] : undefined;
  if (field && brief[field] === undefined) {
    issues.addIssue({ code: 'custom', path: [field], message: `is required for type: ${brief.type}` });
  }
});

export type LetterMeta = z.output<typeof letterSchema>;

export const sectionSchema = z
  .object({
    titel: tekst,
    volgorde: z.number().int().optional(),
    inhoudsopgave: z.boolean().default(false),
    /** A bijlage generated from the moties and toezeggingen in data/. */
    register: registerAppendixSchema.optional(),
    /** verzamelbrief: the section answers questions of these members, numbered 1., 2. */
    vragen_van: z.union([tekst, z.array(tekst).min(1)]).optional(),
    /** kamervragen: this bijlage holds the answers ("# Vraag" / "# Antwoord" headings). */
    antwoorden: z.boolean().default(false),
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
  kamervragen: 'kamervragen:\n      brief_datum: 2020-09-24\n      lid: Buitenweg\n      partij: GroenLinks\n      onderwerp: ex-partnergeweld\n      ingezonden: 2020-09-09\n      zaaknummer: 2020Z15904',
  kamerstuk: 'kamerstuk:\n      dossier: 28345\n      titel: Aanpak huiselijk geweld\n      nummer: 285\n      brief_van: de staatssecretaris van …',
  eerste_kamer: 'eerste_kamer:\n      letter: C\n      dossier: 36123\n      titel: …\n      brief_van: de staatssecretaris van …',
};
