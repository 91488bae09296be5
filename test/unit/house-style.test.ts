import { describe, expect, it } from 'vitest';
import { formatCitation, type Huisstijl } from '../../src/records/format-citation.js';
import { bronSchema, type Bron, type BronInvoer } from '../../src/records/source-schema.js';
import { letterSchema } from '../../src/model/letter-schema.js';

const NBSP = '\u00a0';
const MIN: Huisstijl = { citatiestijl: 'ministerie', dossiernotatie: 'gespatieerd' };
const AR: Huisstijl = { citatiestijl: 'ar', dossiernotatie: 'gespatieerd' };
const parse = (b: BronInvoer): Bron => bronSchema.parse(b);

describe('Handelingen with a page', () => {
  // A mutation "p." → "blz." passed the suite before this test.
  it('writes the page as "p." in both styles', () => {
    const bron = parse({ soort: 'handelingen', id: 'h', vergaderjaar: '2023-2024', nummer: 12, item: 4, pagina: 7 });
    expect(formatCitation(bron, MIN)).toBe('Handelingen II, vergaderjaar 2023-2024, nr. 12, item 4, p. 7.');
    expect(formatCitation(bron, AR)).toBe('Handelingen II 2023/24, nr. 12, item 4, p. 7');
  });
});

describe('reports and web pages', () => {
  const kamerstuk = parse({ soort: 'kamerstuk', id: 'kst-28345-278', vergaderjaar: '2023-2024', dossier: 28345, nummer: 278 });
  const lookup = (id: string) => (id === kamerstuk.id ? kamerstuk : undefined);
  const rapport = parse({
    soort: 'rapport',
    id: 'r',
    auteurs: ['Boom, A. ten', 'Kuppens, J.'],
    etAl: true,
    jaar: 2024,
    maand: 'Maart',
    titel: 'Monitor',
    plaats: 'Den Haag',
    uitgever: 'WODC',
    zie: 'kst-28345-278',
  });

  it('gives the month, "et al." with its period, and a reference after the report', () => {
    expect(formatCitation(rapport, MIN, lookup)).toBe(
      `Boom, A. ten, et al. (maart 2024): Monitor. Den Haag: WODC. Zie Kamerstukken II, 2023-2024, 28${NBSP}345, nr. 278.`,
    );
    expect(formatCitation(rapport, AR, lookup)).toBe(
      `Boom, A. ten, et al. (maart 2024): Monitor. Den Haag: WODC. Zie Kamerstukken II 2023/24, 28${NBSP}345, nr. 278`,
    );
    expect(formatCitation(rapport, { ...MIN, dossiernotatie: 'aaneen' }, lookup)).toMatch(/Zie Kamerstukken II, 2023-2024, 28345, nr\. 278\.$/);
  });

  it('reads the month as a number or a name', () => {
    expect(parse({ soort: 'rapport', id: 'r', auteurs: ['A'], jaar: 2024, maand: 3, titel: 'T', uitgever: 'U' })).toMatchObject({ maand: 'maart' });
    expect(bronSchema.safeParse({ soort: 'rapport', id: 'r', auteurs: ['A'], jaar: 2024, maand: 13, titel: 'T', uitgever: 'U' }).success).toBe(false);
    expect(bronSchema.safeParse({ soort: 'rapport', id: 'r', auteurs: ['A'], jaar: 2024, maand: 'maartt', titel: 'T', uitgever: 'U' }).success).toBe(false);
  });

  it('dates a web page and refers on from it', () => {
    const web = parse({ soort: 'web', id: 'w', organisatie: 'CBS', url: 'https://www.cbs.nl/', jaar: 2024, maand: 11, zie: 'kst-28345-278' });
    expect(formatCitation(web, MIN, lookup)).toBe(
      `Website CBS (november 2024), zie: https://www.cbs.nl/. Zie Kamerstukken II, 2023-2024, 28${NBSP}345, nr. 278.`,
    );
    expect(bronSchema.safeParse({ soort: 'web', id: 'w', organisatie: 'CBS', url: 'https://www.cbs.nl/', maand: 11 }).success).toBe(false);
  });
});

describe('dossier numbers in the data', () => {
  it.each<[string | number, string]>([
    ['36 658', '36658'],
    [29279, '29279'],
    ['36 600 XVI', '36600-XVI'],
    ['28 345 / 34 843', '28345/34843'],
    [`36${NBSP}658`, '36658'],
  ])('normalises %s to %s', (dossier, stored) => {
    expect(parse({ soort: 'kamerstuk', id: 'k', vergaderjaar: '2024-2025', dossier })).toMatchObject({ dossier: stored });
  });

  it('refuses something that is no dossier number', () => {
    expect(bronSchema.safeParse({ soort: 'kamerstuk', id: 'k', vergaderjaar: '2024-2025', dossier: 'nr. 12' }).success).toBe(false);
  });
});

describe('dossiernotatie', () => {
  const brief = { afzender: { organisatie: 'O', onderdeel: 'D', postadres: ['P'] }, datum: '2025-07-10', betreft: 'B', onze_referentie: '1', ondertekening: [{ functie: 'F', naam: 'N' }] };
  const kamerstuk = { dossier: 28345, titel: 'Aanpak huiselijk geweld', nummer: 285, brief_van: 'de staatssecretaris van X' };

  it('is aaneen for letters and gespatieerd for printed papers, unless set', () => {
    expect(letterSchema.parse(brief).dossiernotatie).toBe('aaneen');
    expect(letterSchema.parse({ ...brief, type: 'kamerstuk', kamerstuk }).dossiernotatie).toBe('gespatieerd');
    expect(letterSchema.parse({ ...brief, dossiernotatie: 'gespatieerd' }).dossiernotatie).toBe('gespatieerd');
    expect(letterSchema.parse({ ...brief, type: 'kamerstuk', kamerstuk, dossiernotatie: 'aaneen' }).dossiernotatie).toBe('aaneen');
    expect(letterSchema.safeParse({ ...brief, dossiernotatie: 'spaties' }).success).toBe(false);
  });

  it('a kamerstuk needs no afzender, onze_referentie or betreft: it prints none of them', () => {
    const parsed = letterSchema.parse({ datum: '2025-07-10', ondertekening: brief.ondertekening, type: 'kamerstuk', kamerstuk });
    expect(parsed.betreft).toBe('Aanpak huiselijk geweld');
    const letter = letterSchema.safeParse({ datum: '2025-07-10', ondertekening: brief.ondertekening });
    expect(letter.success).toBe(false);
    expect(letter.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['afzender', 'betreft', 'onze_referentie']);
  });
});
