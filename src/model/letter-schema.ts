import { z } from 'zod';
import { isoDatum, regels, tekst } from './common-schemas.js';
import { registerAppendixSchema } from '../records/register-appendix.js';
import { bijschriftenSchema, inhoudsopgaveSchema, nummeringSchema, rapportSchema } from '../numbering/numbering-schema.js';
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
    afzender: afzenderSchema.optional().describe('The sending organisation: logo text and colofon (not needed for kamerstuk, eerste-kamer and rapport)'),
    geadresseerde: regels.default(TWEEDE_KAMER).describe('Address block, one line per item'),
    retouradres: tekst.optional().describe('Small line above the address; default: the postal address on one line'),
    datum: isoDatum.describe('Date of the letter, YYYY-MM-DD'),
    betreft: tekst.optional().describe('Subject line (Betreft), also the PDF title; for kamerstuk and eerste-kamer the dossier title by default; a rapport has a titel instead'),
    onze_referentie: z.union([tekst, z.number().transform(String)]).optional().describe('Onze referentie (kenmerk); not printed in kamerstuk, eerste-kamer and rapport'),
    uw_referentie: z.union([tekst, z.number().transform(String)]).optional().describe('Uw referentie, when answering a letter'),
    ondertekening: z.array(ondertekenaarSchema).min(1, 'needs at least one signatory').optional().describe('Signature blocks, in order'),
    ondertekening_weergave: z.enum(['onder', 'naast']).default('onder').describe('Signatories stacked (onder) or side by side (naast)'),
    mede_namens: z.array(tekst).optional().describe('Co-responsible ministers: "mede namens …" in the type texts and {{mede_namens_tekst}}'),
    type: z.enum(DOCUMENT_TYPES).default('kamerbrief').describe('The kind of document; see "Document types" in the README'),
    kamervragen: kamervragenSchema.optional().describe('type kamervragen: the questions being answered'),
    kamerstuk: kamerstukSchema.optional().describe('type kamerstuk: the parliamentary paper'),
    eerste_kamer: eersteKamerSchema.optional().describe('type eerste-kamer, or a cover letter to the Eerste Kamer bound in front'),
    nummering: nummeringSchema
      .optional()
      .describe('Numbering of headings: true (1., a.), false, brief, decimaal (1, 1.1), romeins (Hoofdstuk I, I.1) or geen; a rapport defaults to decimaal'),
    inhoudsopgave: inhoudsopgaveSchema.optional().describe('A contents list "Inhoud" with page numbers; standard in a rapport'),
    bijschriften: bijschriftenSchema.default({ nummering: 'doorlopend' }).describe('Table and figure captions: counted through the document or per chapter'),
    hoofdstuk_nieuwe_pagina: z.boolean().default(false).describe('Every section (chapter) starts on a new page'),
    titel: tekst.optional().describe('type rapport: the title of the report'),
    rapport: rapportSchema.optional().describe('type rapport: subtitle, organisation and colofon page'),
    logo: tekst.optional().describe('Logo image inside the project; default: a neutral placeholder'),
    lettertype: lettertypeSchema.optional().describe('Font files inside the project; default: Fira Sans'),
    citatiestijl: z
      .enum(['ministerie', 'ar'])
      .default('ministerie')
      .describe('House style of citations: the ministry style of the seeds, or Aanwijzingen voor de regelgeving 3.43'),
    dossiernotatie: z
      .enum(['gespatieerd', 'aaneen'])
      .optional()
      .describe('Dossier numbers spaced ("28 345", the default for kamerstuk and eerste-kamer) or unspaced ("28345", the default for letters)'),
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

/** The types printed as a parliamentary paper: no colofon, no reference, dossiers spaced. */
export const PRINT_TYPES: readonly string[] = ['kamerstuk', 'eerste-kamer'];
/** What a letter with a colofon needs and a printed paper or a report never shows. */
export const LETTER_FIELDS = ['afzender', 'betreft', 'onze_referentie'] as const;

/**
 * The letter's fields, and the block a type needs required for that type only. A
 * printed paper takes its Betreft (the PDF title) from the dossier's title, a report
 * from its titel.
 */
export const letterSchema = letterFieldsSchema
  .superRefine((brief, issues) => {
    const missing = (name: string, expected: 'string' | 'array' | 'object') =>
      issues.addIssue({ code: 'invalid_type', expected, input: undefined, path: [name], message: 'missing' });
    // A type's own front matter is required by that type only.
    const needs = { kamervragen: 'kamervragen', kamerstuk: 'kamerstuk', 'eerste-kamer': 'eerste_kamer' } as const;
    const field = brief.type in needs ? needs[brief.type as keyof typeof needs] : undefined;
    if (field && brief[field] === undefined) {
      issues.addIssue({ code: 'custom', path: [field], message: `is required for type: ${brief.type}` });
    }
    // A report has no letterhead, addressee or signatures; every letter has signatures.
    if (brief.type === 'rapport') {
      if (brief.titel === undefined) missing('titel', 'string');
      return;
    }
    if (brief.ondertekening === undefined) missing('ondertekening', 'array');
    if (PRINT_TYPES.includes(brief.type)) return;
    for (const name of LETTER_FIELDS) {
      if (brief[name] === undefined) missing(name, name === 'afzender' ? 'object' : 'string');
    }
  })
  .transform((brief) => {
    const print = PRINT_TYPES.includes(brief.type);
    const paper = brief.type === 'kamerstuk' ? brief.kamerstuk : brief.eerste_kamer;
    const rapport = brief.type === 'rapport';
    const organisatie = rapport ? (brief.rapport?.organisatie ?? '') : capitalise(paper?.brief_van ?? '');
    return {
      ...brief,
      dossiernotatie: brief.dossiernotatie ?? (print ? 'gespatieerd' : 'aaneen'),
      betreft: brief.betreft ?? (rapport ? brief.titel : paper?.titel) ?? '',
      onze_referentie: brief.onze_referentie ?? '',
      // The paper's or report's author, for the PDF's metadata; neither has a colofon to fill.
      afzender: brief.afzender ?? { organisatie, onderdeel: rapport ? organisatie : '', postadres: [] },
    };
  });

type LetterFields = z.output<typeof letterSchema>;
type LetterBasics = 'afzender' | 'betreft' | 'onze_referentie' | 'ondertekening';
/** The validated letter; a rapport gets its letter basics derived (src/model/build-letter-model.ts). */
export type LetterMeta = LetterFields & { [K in LetterBasics]-?: NonNullable<LetterFields[K]> };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const sectionSchema = z
  .object({
    titel: tekst,
    volgorde: z.number().int().optional(),
    inhoudsopgave: inhoudsopgaveSchema.default(false),
    /** A bijlage generated from the moties and toezeggingen in data/. */
    register: registerAppendixSchema.optional(),
    /** verzamelbrief: the section answers questions of these members, numbered 1., 2. */
    vragen_van: z.union([tekst, z.array(tekst).min(1)]).optional(),
    /** kamervragen: this bijlage holds the answers ("# Vraag" / "# Antwoord" headings). */
    antwoorden: z.boolean().default(false),
    /** Numbering of this bijlage's headings; default: the letter's scheme. */
    nummering: nummeringSchema.optional(),
    /** A name for cross-references to this section or bijlage: {{verwijzing "label"}}. */
    label: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'may hold letters, digits, "_" and "-", starting with a letter').optional(),
    /** A bijlage laid out as a report: title page, "Inhoud", chapters, running header. */
    opmaak: z.enum(['bijlage', 'rapport']).default('bijlage'),
    /** opmaak rapport: a chapter ("#") starts on a new page. */
    hoofdstuk_nieuwe_pagina: z.boolean().optional(),
    bijschriften: bijschriftenSchema.optional(),
    rapport: rapportSchema.optional(),
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
  nummering: 'nummering: decimaal\n      or, numbering one level straight through:\n      nummering:\n        schema: brief\n        niveaus: { 2: { doorlopend: true } }',
  inhoudsopgave: 'inhoudsopgave: true\n      or: inhoudsopgave: { diepte: 3, tabellen_en_figuren: true }',
  organisatie: 'organisatie: Ministerie van …',
  onderdeel: 'onderdeel: Directoraat-Generaal …',
  postadres: 'postadres: [Postbus 20350, 2500 EJ Den Haag]',
  functie: 'functie: De Minister van …,',
  naam: 'naam: A. Jansen',
  kamervragen: 'kamervragen:\n      brief_datum: 2020-09-24\n      lid: Buitenweg\n      partij: GroenLinks\n      onderwerp: ex-partnergeweld\n      ingezonden: 2020-09-09\n      zaaknummer: 2020Z15904',
  kamerstuk: 'kamerstuk:\n      dossier: 28345\n      titel: Aanpak huiselijk geweld\n      nummer: 285\n      brief_van: de staatssecretaris van …',
  eerste_kamer: 'eerste_kamer:\n      letter: C\n      dossier: 36123\n      titel: …\n      brief_van: de staatssecretaris van …',
};
