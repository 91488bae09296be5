import { z } from 'zod';
import { isoDatum, tekst } from '../format/common-schemas.js';
import { dossier } from './source-schema.js';

/** The Tweede Kamer's register vocabulary, lowercase as authors type it. */
export const STATUSSEN = ['openstaand', 'deels voldaan', 'voldaan', 'deels afgedaan', 'afgedaan', 'vervallen'] as const;
/** A record with one of these still asks for something of the ministry. */
export const OPEN_STATUSSEN: readonly string[] = ['openstaand', 'deels voldaan', 'deels afgedaan'];
export const UITSLAGEN = ['aangenomen', 'verworpen', 'aangehouden', 'ingetrokken', 'overgenomen'] as const;

export const recordId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'may hold lowercase letters, digits and "-" only, e.g. motie-van-der-werf-890');

const nummerOfTekst = z.union([tekst, z.number()]).transform(String);

/** "Van der Werf (D66)" or { naam: Van der Werf, partij: D66 }. */
const indiener = z.union([
  z.string().transform((s) => {
    const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(s.trim());
    return m ? { naam: m[1]!, partij: m[2] } : { naam: s.trim(), partij: undefined };
  }),
  z.object({ naam: tekst, partij: tekst.optional() }).strict(),
]);

const gemeenschappelijk = {
  id: recordId,
  kamer: z.enum(['Tweede Kamer', 'Eerste Kamer']).default('Tweede Kamer'),
  datum: isoDatum,
  titel: tekst,
  tekst: tekst.optional(),
  status: z.enum(STATUSSEN),
  /** A date (YYYY-MM-DD) or words such as "voor de zomer van 2025". */
  verwachte_afdoening: z.union([isoDatum, tekst]).optional(),
  /** Markdown. */
  stand_van_zaken: tekst.optional(),
  /** The id of a bron, or a reference in words. */
  afgedaan_met: tekst.optional(),
  thema: tekst.optional(),
  /** The debate in which it was moved or promised, e.g. "het commissiedebat Zeden". */
  debat: tekst.optional(),
};

export const motieSchema = z
  .object({
    ...gemeenschappelijk,
    soort: z.enum(['motie', 'amendement']).default('motie'),
    dossier,
    nummer: nummerOfTekst,
    vergaderjaar: z.string().regex(/^\d{4}-\d{4}$/, 'is written as 2024-2025').optional(),
    indieners: z.array(indiener).min(1, 'needs at least one indiener'),
    uitslag: z.enum(UITSLAGEN).optional(),
  })
  .strict();

export const toezeggingSchema = z
  .object({
    ...gemeenschappelijk,
    soort: z.literal('toezegging').default('toezegging'),
    /** The register's number, e.g. TZ202410-123 (Tweede Kamer) or T03456 (Eerste Kamer). */
    nummer: tekst.optional(),
    /** Who promised: "de staatssecretaris van Justitie en Veiligheid". */
    bewindspersoon: tekst,
    /** A bron id (Handelingen, a letter) where the promise can be found. */
    bron: recordId.optional(),
  })
  .strict();

export const reeksSchema = z
  .object({
    id: recordId,
    titel: tekst,
    eenheid: tekst.default('aantal'),
    /** A bron id; its citation becomes a footnote at the first use of the series. */
    bron: recordId.optional(),
    peildatum: isoDatum.optional(),
    /** Values inline, by label ... */
    waarden: z.record(z.string(), z.number()).optional(),
    /** ... or from a CSV data file: its name, and the label and value columns. */
    csv: tekst.optional(),
    label: tekst.optional(),
    waarde: tekst.optional(),
  })
  .strict()
  .refine((r) => (r.waarden ? !r.csv : Boolean(r.csv && r.label && r.waarde)), {
    message: 'needs either "waarden" or "csv" with "label" and "waarde" columns',
  });

export type Motie = z.output<typeof motieSchema>;
export type Toezegging = z.output<typeof toezeggingSchema>;
export type Reeks = z.output<typeof reeksSchema>;
export type RegisterRecord = Motie | Toezegging;
