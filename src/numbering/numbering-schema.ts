import { z } from 'zod';

export const SCHEMES = ['brief', 'decimaal', 'romeins', 'geen'] as const;
export type SchemeName = (typeof SCHEMES)[number];

export const VORMEN = ['cijfer', 'letter', 'romeins', 'geen'] as const;
export type Vorm = (typeof VORMEN)[number];

const niveau = z
  .object({
    doorlopend: z.boolean().default(false).describe('Count on across the headings above instead of starting again at 1'),
    vorm: z.enum(VORMEN).optional().describe('cijfer (1), letter (a), romeins (I) or geen; default: the scheme\'s'),
    woord: z.string().optional().describe('A word before the number, e.g. Hoofdstuk, Pijler; "" for none'),
  })
  .strict();

/**
 * `nummering:` of the letter or of one bijlage: true ("brief"), false ("geen"), a
 * scheme's name, or a scheme with settings per heading level (1 is the section title
 * in the letter, or the first level the scheme numbers in a bijlage).
 */
export const nummeringSchema = z.union(
  [
  z.boolean(),
  z.enum(SCHEMES),
  z
    .object({
      schema: z.enum(SCHEMES).default('brief').describe('brief (1., a.), decimaal (1, 1.1), romeins (Hoofdstuk I, I.1) or geen'),
      niveaus: z
        .object({ 1: niveau.optional(), 2: niveau.optional(), 3: niveau.optional(), 4: niveau.optional() })
        .strict()
        .optional()
        .describe('Settings per heading level 1-4, e.g. { 2: { doorlopend: true } }'),
    })
    .strict(),
  ],
  { error: 'must be true, false, brief, decimaal, romeins or geen (or schema: with niveaus:)' },
);

export type NummeringInput = z.output<typeof nummeringSchema>;

/** `inhoudsopgave:` a contents list ("Inhoud"): true, false, or how deep and whether tables and figures are listed. */
export const inhoudsopgaveSchema = z.union(
  [
  z.boolean(),
  z
    .object({
      diepte: z.number().int().min(1).max(4).default(2).describe('How many heading levels the list shows, 1-4'),
      tabellen_en_figuren: z.boolean().default(false).describe('Also list the numbered tables and figures'),
    })
    .strict(),
  ],
  { error: 'must be true, false, or diepte: (1-4) with tabellen_en_figuren: true or false' },
);
export type InhoudsopgaveInput = z.output<typeof inhoudsopgaveSchema>;

/** `bijschriften:` how table and figure captions count: through the document, or per chapter ("Tabel 2.3"). */
export const bijschriftenSchema = z
  .object({ nummering: z.enum(['doorlopend', 'per-hoofdstuk']).default('doorlopend') })
  .strict();

/** A report's own front matter: its title page and colofon page. */
export const rapportSchema = z
  .object({
    ondertitel: z.string().trim().min(1).optional().describe('Subtitle on the title page'),
    organisatie: z.string().trim().min(1).optional().describe('Organisation on the title page; default: afzender.organisatie'),
    colofon: z.string().trim().min(1).optional().describe('Text of a colofon page after the title page (Markdown)'),
  })
  .strict();
