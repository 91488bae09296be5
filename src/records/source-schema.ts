import { z } from 'zod';
import { parseIsoDatum } from '../format/iso-datum.js';
import { normaliseerDossier } from '../format/format-dossier.js';
import { parseVergaderjaar, schrijfVergaderjaar, vergaderjaar as vergaderjaarVan } from '../format/vergaderjaar.js';

// Field names are Dutch because authors type these records in YAML. Values that
// authors write in more than one way (numbers or strings, vergaderjaar styles) are
// normalised here, so that formatCitation gets one shape per field.

const tekst = z.string().trim().min(1, 'may not be empty');
const id = z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens, e.g. kst-29279-890');
const kamer = z.enum(['II', 'I']).default('II');
const datum = z.string().refine((s) => parseIsoDatum(s) !== undefined, 'must be a date written as YYYY-MM-DD, e.g. 2024-11-19');
const jaar = z.number().int().min(1800).max(2200);

/** "2024-2025", also "2024–2025" or "2024/25"; always "2024-2025" after parsing. */
const vergaderjaar = z.string().transform((s, ctx) => {
  const start = parseVergaderjaar(s);
  if (start !== undefined) return schrijfVergaderjaar(start, 'ministerie');
  ctx.addIssue({ code: 'custom', message: 'must be a vergaderjaar such as 2024-2025' });
  return z.NEVER;
});

/** YAML reads 29279 as a number and "36 658" as a string; both become the string as written. */
const alsTekst = (schema: z.ZodString) => z.union([z.number().int().positive(), schema]).transform(String);

/**
 * "29279", "36 658", "28345/34843", "36600-XVI", "36 600 XVI": stored in one form
 * ("36658", "36600-XVI"), so that the letter's dossiernotatie decides how it is printed.
 */
export const dossier = z.union([z.number().int().positive(), z.string()]).transform((v, ctx) => {
  const vast = normaliseerDossier(v);
  if (vast !== undefined) return vast;
  ctx.addIssue({ code: 'custom', message: 'must be a dossier number such as 29279, 36 658, 36600-XVI or 28345/34843' });
  return z.NEVER;
});

export const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;
/** The month of publication: 3 or "maart"; always the Dutch name after parsing. */
const maand = z.union([z.number().int().min(1).max(12), z.string().trim().toLowerCase()]).transform((v, ctx) => {
  const naam = typeof v === 'number' ? MAANDEN[v - 1] : MAANDEN.find((m) => m === v);
  if (naam !== undefined) return naam;
  ctx.addIssue({ code: 'custom', message: 'must be a month, 1 to 12 or its Dutch name such as maart' });
  return z.NEVER;
});
/** The id of another bron: its citation follows as "Zie <citation>.". */
const zie = id;
/** "890", or an Eerste Kamer letter code such as "C" or "AB". */
const nummer = alsTekst(z.string().trim().regex(/^[\dA-Za-z]+$/, 'must be a number such as 890 or a letter code such as C'));
/** "3", "30-40". */
const pagina = alsTekst(tekst);
const zaak = z.string().regex(/^\d{4}Z\d{5}$/, 'must be a zaak number such as 2023Z15247');
const documentNummer = z.string().regex(/^\d{4}D\d{5}$/, 'must be a document number such as 2023D26490');
const url = z.url({ protocol: /^https?$/, error: 'must be a web address starting with https://' });

/** A vergaderjaar may be left out when a datum is given; it is then derived from the datum. */
function metVergaderjaar<T extends { vergaderjaar?: string | undefined; datum?: string | undefined }>(
  v: T,
  ctx: z.RefinementCtx,
): (T & { vergaderjaar: string }) | undefined {
  const vj = v.vergaderjaar ?? (v.datum === undefined ? undefined : vergaderjaarVan(v.datum));
  if (vj !== undefined) return { ...v, vergaderjaar: vj };
  ctx.addIssue({ code: 'custom', path: ['vergaderjaar'], message: 'needs a vergaderjaar (2024-2025) or a datum to derive it from' });
  return undefined;
}

/**
 * A Kamerstuk, cited by dossier (and nr.) or, when it has none yet, by zaak number.
 * An explicit vergaderjaar wins over the one derived from `datum`: a letter dated just
 * before Prinsjesdag can be published in the new year.
 */
export const kamerstukBronSchema = z
  .object({
    soort: z.literal('kamerstuk'),
    id,
    kamer,
    vergaderjaar: vergaderjaar.optional(),
    datum: datum.optional(),
    dossier: dossier.optional(),
    nummer: nummer.optional(),
    zaak: zaak.optional(),
    pagina: pagina.optional(),
    /** Not part of the citation; for overviews and the author's own reference. */
    titel: tekst.optional(),
  })
  .strict()
  .transform((v, ctx) => {
    if (v.dossier === undefined && v.zaak === undefined) {
      ctx.addIssue({ code: 'custom', path: ['dossier'], message: 'needs a dossier (29279) or a zaak (2023Z15247)' });
    }
    if (v.dossier === undefined && v.nummer !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['nummer'], message: 'a nummer belongs to a dossier; give the dossier too' });
    }
    return metVergaderjaar(v, ctx) ?? z.NEVER;
  });

export const handelingenBronSchema = z
  .object({ soort: z.literal('handelingen'), id, kamer, vergaderjaar, nummer, item: nummer.optional(), pagina: pagina.optional() })
  .strict();

/** Aanhangsel Handelingen: the answers to written questions. */
export const aanhangselBronSchema = z.object({ soort: z.literal('aanhangsel'), id, kamer, vergaderjaar, nummer }).strict();

/** `kenmerk`: the regulation's own mark, e.g. "2024A001" for an Aanwijzing of the OM. */
export const staatscourantBronSchema = z
  .object({ soort: z.literal('staatscourant'), id, jaar, nummer, titel: tekst.optional(), kenmerk: tekst.optional() })
  .strict();

export const tractatenbladBronSchema = z
  .object({ soort: z.literal('tractatenblad'), id, jaar, nummer, titel: tekst.optional() })
  .strict();

/** A letter of a parliamentary committee, cited by its zaak and document numbers. */
export const commissiebriefBronSchema = z
  .object({
    soort: z.literal('commissiebrief'),
    id,
    /** "vaste commissie voor Justitie en Veiligheid", without "de". */
    commissie: tekst,
    kamer,
    datum,
    zaak,
    document: documentNummer.optional(),
  })
  .strict();

/**
 * A motie cited by its title, as the ministry's letters do: "Motie 36 234 – Versterken
 * van …". With vergaderjaar (or datum) and nummer it can also be cited as the Kamerstuk
 * it is, which the Ar style does.
 */
export const motieBronSchema = z
  .object({
    soort: z.literal('motie'),
    id,
    kamer,
    dossier,
    titel: tekst,
    nummer: nummer.optional(),
    vergaderjaar: vergaderjaar.optional(),
    datum: datum.optional(),
  })
  .strict()
  .transform((v) => ({
    ...v,
    vergaderjaar: v.vergaderjaar ?? (v.datum === undefined ? undefined : vergaderjaarVan(v.datum)),
  }));

export const webBronSchema = z
  .object({
    soort: z.literal('web'),
    id,
    /** "CBS": cited as "Website CBS". */
    organisatie: tekst.optional(),
    titel: tekst.optional(),
    url,
    geraadpleegd: datum.optional(),
    /** When the page was published: "(maart 2024)" after its name. */
    jaar: jaar.optional(),
    maand: maand.optional(),
    zie: zie.optional(),
  })
  .strict()
  .refine((v) => v.organisatie !== undefined || v.titel !== undefined, {
    path: ['organisatie'],
    message: 'needs an organisatie (CBS) or a titel',
  })
  .refine((v) => v.maand === undefined || v.jaar !== undefined, { path: ['maand'], message: 'a maand needs a jaar' });

export const rapportBronSchema = z
  .object({
    soort: z.literal('rapport'),
    id,
    /** As cited: "Boom, A. ten". */
    auteurs: z.array(tekst).min(1, 'needs at least one author'),
    /** The list is not complete: cite as "…, et al". Three or more authors always are. */
    etAl: z.boolean().optional(),
    jaar,
    /** "(maart 2024)" instead of "(2024)". */
    maand: maand.optional(),
    titel: tekst,
    uitgever: tekst,
    plaats: tekst.optional(),
    pagina: pagina.optional(),
    url: url.optional(),
    zie: zie.optional(),
  })
  .strict();

/** One source record (bron), told apart by `soort`. */
export const bronSchema = z.discriminatedUnion('soort', [
  kamerstukBronSchema,
  handelingenBronSchema,
  aanhangselBronSchema,
  staatscourantBronSchema,
  tractatenbladBronSchema,
  commissiebriefBronSchema,
  motieBronSchema,
  webBronSchema,
  rapportBronSchema,
]);

/** A parsed source: what formatCitation takes. */
export type Bron = z.output<typeof bronSchema>;
/** A source as an author writes it (before defaults and normalisation). */
export type BronInvoer = z.input<typeof bronSchema>;
export type KamerstukBron = z.output<typeof kamerstukBronSchema>;
export type StaatscourantBron = z.output<typeof staatscourantBronSchema>;
export type CommissiebriefBron = z.output<typeof commissiebriefBronSchema>;
export type MotieBron = z.output<typeof motieBronSchema>;
export type WebBron = z.output<typeof webBronSchema>;
export type RapportBron = z.output<typeof rapportBronSchema>;
