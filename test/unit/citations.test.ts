import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatCitation, formatInlineCitation, formatZieVoetnoot, kamerstukReference } from '../../src/records/format-citation.js';
import { bronSchema, type BronInvoer } from '../../src/records/source-schema.js';

type Notatie = 'aaneen' | 'gespatieerd';
const cite = (invoer: BronInvoer, citatiestijl: 'ministerie' | 'ar' = 'ministerie', dossiernotatie: Notatie = 'aaneen'): string =>
  formatCitation(bronSchema.parse(invoer), { citatiestijl, dossiernotatie });
const NBSP = '\u00a0';

/** Writes the dossiers marked {29279} in an expected citation in one notation. */
function inNotatie(tekst: string, notatie: Notatie): string {
  return tekst.replace(/\{([^}]+)\}/g, (_, d: string) => (notatie === 'aaneen' ? d : d.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP)));
}

interface Rij {
  soort: string;
  /** The example as the table in letter-format.md gives it, verbatim. */
  tabel: string;
  /** The dossier notation the table's example is written in. */
  tabelNotatie: Notatie;
  bron: BronInvoer;
  /** Expected citations; {29279} marks a dossier, written in each notation. */
  ministerie: string;
  /** The Ar 3.43 form; for kinds Ar does not cover, the ministry wording without the period. */
  ar: string;
  /** The short form in running text, for voetnoot=false. */
  inline: { ministerie: string; ar: string };
}

/**
 * One row per line of the citation table in letter-format.md. The ministry form is the
 * table's text with the final period the house style adds where the seed left it out,
 * and written out in full where the table shortens it with "…". "et al" gets the
 * period of its abbreviation (issue 14), which the seed left out.
 */
const TABEL: Rij[] = [
  {
    soort: 'Kamerstuk',
    tabel: 'Kamerstukken II, 2024-2025, 29279, nr. 890.',
    tabelNotatie: 'aaneen',
    bron: { soort: 'kamerstuk', id: 'kst-29279-890', vergaderjaar: '2024-2025', dossier: 29279, nummer: 890 },
    ministerie: 'Kamerstukken II, 2024-2025, {29279}, nr. 890.',
    ar: 'Kamerstukken II 2024/25, {29279}, nr. 890',
    inline: { ministerie: 'Kamerstuk {29279}, nr. 890', ar: 'Kamerstukken II 2024/25, {29279}, nr. 890' },
  },
  {
    soort: 'dossier with space, no nr.',
    tabel: 'Kamerstukken II, 2024-2025, 36 658.',
    tabelNotatie: 'gespatieerd',
    bron: { soort: 'kamerstuk', id: 'kst-36658', vergaderjaar: '2024-2025', dossier: '36 658' },
    ministerie: 'Kamerstukken II, 2024-2025, {36658}.',
    ar: 'Kamerstukken II 2024/25, {36658}',
    inline: { ministerie: 'Kamerstuk {36658}', ar: 'Kamerstukken II 2024/25, {36658}' },
  },
  {
    soort: 'combined dossiers',
    tabel: 'Kamerstukken II, 2022-2023, 28345/34843, nr. 263',
    tabelNotatie: 'aaneen',
    bron: { soort: 'kamerstuk', id: 'kst-28345-263', vergaderjaar: '2022-2023', dossier: '28345/34843', nummer: 263 },
    ministerie: 'Kamerstukken II, 2022-2023, {28345}/{34843}, nr. 263.',
    ar: 'Kamerstukken II 2022/23, {28345}/{34843}, nr. 263',
    inline: { ministerie: 'Kamerstuk {28345}/{34843}, nr. 263', ar: 'Kamerstukken II 2022/23, {28345}/{34843}, nr. 263' },
  },
  {
    soort: 'zaak number',
    tabel: 'Kamerstukken II, 2022-2023, 2023Z15247',
    tabelNotatie: 'aaneen',
    bron: { soort: 'kamerstuk', id: 'zaak-2023z15247', vergaderjaar: '2022-2023', zaak: '2023Z15247' },
    ministerie: 'Kamerstukken II, 2022-2023, 2023Z15247.',
    ar: 'Kamerstukken II 2022/23, 2023Z15247',
    inline: { ministerie: 'Kamerstuk 2023Z15247', ar: 'Kamerstukken II 2022/23, 2023Z15247' },
  },
  {
    soort: 'Handelingen',
    tabel: 'Handelingen I, vergaderjaar 2022-2023, nr. 20, item 9.',
    tabelNotatie: 'aaneen',
    bron: { soort: 'handelingen', id: 'h-ek-2022-2023-20-9', kamer: 'I', vergaderjaar: '2022-2023', nummer: 20, item: 9 },
    ministerie: 'Handelingen I, vergaderjaar 2022-2023, nr. 20, item 9.',
    ar: 'Handelingen I 2022/23, nr. 20, item 9',
    inline: { ministerie: 'Handelingen I, vergaderjaar 2022-2023, nr. 20, item 9', ar: 'Handelingen I 2022/23, nr. 20, item 9' },
  },
  {
    soort: 'Staatscourant',
    tabel: 'Stcrt, 2024, 4318 Aanwijzing slachtoffers in het strafproces (2024A001).',
    tabelNotatie: 'aaneen',
    bron: {
      soort: 'staatscourant',
      id: 'stcrt-2024-4318',
      jaar: 2024,
      nummer: 4318,
      titel: 'Aanwijzing slachtoffers in het strafproces',
      kenmerk: '2024A001',
    },
    ministerie: 'Stcrt, 2024, 4318 Aanwijzing slachtoffers in het strafproces (2024A001).',
    ar: 'Stcrt. 2024, 4318',
    inline: { ministerie: 'Stcrt, 2024, 4318 Aanwijzing slachtoffers in het strafproces (2024A001)', ar: 'Stcrt. 2024, 4318' },
  },
  {
    soort: 'motie by title',
    tabel: 'Motie 36 234 – Versterken van het Landelijke stichting Centrum Seksueel Geweld',
    tabelNotatie: 'gespatieerd',
    bron: {
      soort: 'motie',
      id: 'motie-36234-csg',
      dossier: '36 234',
      titel: 'Versterken van het Landelijke stichting Centrum Seksueel Geweld',
    },
    ministerie: 'Motie {36234} – Versterken van het Landelijke stichting Centrum Seksueel Geweld.',
    ar: 'Motie {36234} – Versterken van het Landelijke stichting Centrum Seksueel Geweld',
    inline: {
      ministerie: 'Motie {36234} – Versterken van het Landelijke stichting Centrum Seksueel Geweld',
      ar: 'Motie {36234} – Versterken van het Landelijke stichting Centrum Seksueel Geweld',
    },
  },
  {
    soort: 'committee letter',
    tabel: 'Brief van de vaste commissie voor Justitie en Veiligheid … d.d. 16 juni 2023, 2023Z10745/2023D26490.',
    tabelNotatie: 'aaneen',
    bron: {
      soort: 'commissiebrief',
      id: 'brief-commissie-jenv-2023-06-16',
      commissie: 'vaste commissie voor Justitie en Veiligheid',
      datum: '2023-06-16',
      zaak: '2023Z10745',
      document: '2023D26490',
    },
    ministerie:
      'Brief van de vaste commissie voor Justitie en Veiligheid van de Tweede Kamer d.d. 16 juni 2023, 2023Z10745/2023D26490.',
    ar: 'Brief van de vaste commissie voor Justitie en Veiligheid van de Tweede Kamer d.d. 16 juni 2023, 2023Z10745/2023D26490',
    inline: {
      ministerie: 'Brief van de vaste commissie voor Justitie en Veiligheid van de Tweede Kamer d.d. 16 juni 2023, 2023Z10745/2023D26490',
      ar: 'Brief van de vaste commissie voor Justitie en Veiligheid van de Tweede Kamer d.d. 16 juni 2023, 2023Z10745/2023D26490',
    },
  },
  {
    soort: 'web source',
    tabel: 'Website CBS, zie: https://…',
    tabelNotatie: 'aaneen',
    bron: { soort: 'web', id: 'cbs-83096ned', organisatie: 'CBS', url: 'https://opendata.cbs.nl/#/CBS/nl/dataset/83096NED/table?dl=3B6D7' },
    ministerie: 'Website CBS, zie: https://opendata.cbs.nl/#/CBS/nl/dataset/83096NED/table?dl=3B6D7.',
    ar: 'Website CBS, zie: https://opendata.cbs.nl/#/CBS/nl/dataset/83096NED/table?dl=3B6D7',
    inline: {
      ministerie: 'Website CBS, zie: https://opendata.cbs.nl/#/CBS/nl/dataset/83096NED/table?dl=3B6D7',
      ar: 'Website CBS, zie: https://opendata.cbs.nl/#/CBS/nl/dataset/83096NED/table?dl=3B6D7',
    },
  },
  {
    soort: 'report',
    tabel: 'Boom, A. ten, et al (2019): De prevalentie van … Den Haag: WODC. Zie p. 30-40.',
    tabelNotatie: 'aaneen',
    bron: {
      soort: 'rapport',
      id: 'wodc-prevalentie-2019',
      auteurs: ['Boom, A. ten'],
      etAl: true,
      jaar: 2019,
      titel: 'De prevalentie van huiselijk geweld en kindermishandeling in Nederland',
      plaats: 'Den Haag',
      uitgever: 'WODC',
      pagina: '30-40',
    },
    ministerie:
      'Boom, A. ten, et al. (2019): De prevalentie van huiselijk geweld en kindermishandeling in Nederland. Den Haag: WODC. Zie p. 30-40.',
    ar: 'Boom, A. ten, et al. (2019): De prevalentie van huiselijk geweld en kindermishandeling in Nederland. Den Haag: WODC. Zie p. 30-40',
    inline: {
      ministerie: 'Boom, A. ten, et al. (2019): De prevalentie van huiselijk geweld en kindermishandeling in Nederland. Den Haag: WODC. Zie p. 30-40',
      ar: 'Boom, A. ten, et al. (2019): De prevalentie van huiselijk geweld en kindermishandeling in Nederland. Den Haag: WODC. Zie p. 30-40',
    },
  },
];

/** The table's text and the house style's agree up to a final period, "et al." and the "…" shortening. */
function strooktMetTabel(tabel: string, ministerie: string): boolean {
  const [voor, na] = tabel.replace(/\.$/, '').replace('et al (', 'et al. (').split('…').map((s) => s.trim());
  const volledig = ministerie.replace(/\.$/, '').replaceAll(NBSP, ' ');
  return volledig.startsWith(voor ?? '') && volledig.endsWith(na ?? '') && ministerie.endsWith('.');
}

const NOTATIES: Notatie[] = ['aaneen', 'gespatieerd'];
const CASES = TABEL.flatMap((rij) => NOTATIES.map((notatie) => ({ ...rij, notatie })));

describe('the citation table of letter-format.md', () => {
  it.each(TABEL)('$soort: the table\'s example in its own notation', ({ bron, ministerie, tabel, tabelNotatie }) => {
    expect(strooktMetTabel(tabel, cite(bron, 'ministerie', tabelNotatie))).toBe(true);
    expect(cite(bron, 'ministerie', tabelNotatie)).toBe(inNotatie(ministerie, tabelNotatie));
  });

  it.each(CASES)('$soort, $notatie, in the ministry style', ({ bron, ministerie, notatie }) => {
    expect(cite(bron, 'ministerie', notatie)).toBe(inNotatie(ministerie, notatie));
  });

  it.each(CASES)('$soort, $notatie, in the Ar style', ({ bron, ar, notatie }) => {
    expect(cite(bron, 'ar', notatie)).toBe(inNotatie(ar, notatie));
  });

  it.each(CASES)('$soort, $notatie, in running text (voetnoot=false), both styles', ({ bron, inline, notatie }) => {
    const parsed = bronSchema.parse(bron);
    expect(formatInlineCitation(parsed, { citatiestijl: 'ministerie', dossiernotatie: notatie })).toBe(inNotatie(inline.ministerie, notatie));
    expect(formatInlineCitation(parsed, { citatiestijl: 'ar', dossiernotatie: notatie })).toBe(inNotatie(inline.ar, notatie));
  });

  it('repeat: "Zie voetnoot 1", closed with a period in the ministry style only', () => {
    expect(strooktMetTabel('Zie voetnoot 1', formatZieVoetnoot(1))).toBe(true);
    expect(formatZieVoetnoot(1)).toBe('Zie voetnoot 1.');
    expect(formatZieVoetnoot(40, 'ar')).toBe('Zie voetnoot 40');
    expect(() => formatZieVoetnoot(0)).toThrow(RangeError);
    expect(() => formatZieVoetnoot(1.5)).toThrow(RangeError);
  });
});

describe('the examples of Ar 3.43', () => {
  it.each<[BronInvoer, string]>([
    [
      { soort: 'kamerstuk', id: 'a', vergaderjaar: '2009-2010', dossier: 27858, nummer: 88, pagina: 3 },
      'Kamerstukken II 2009/10, 27858, nr. 88, p. 3',
    ],
    [{ soort: 'handelingen', id: 'b', vergaderjaar: '2010-2011', nummer: 108, item: 5 }, 'Handelingen II 2010/11, nr. 108, item 5'],
    [{ soort: 'aanhangsel', id: 'c', kamer: 'I', vergaderjaar: '2014/15', nummer: 12 }, 'Aanhangsel Handelingen I 2014/15, nr. 12'],
    [{ soort: 'staatscourant', id: 'd', jaar: 2024, nummer: 4318 }, 'Stcrt. 2024, 4318'],
    [{ soort: 'tractatenblad', id: 'e', jaar: 2021, nummer: 52 }, 'Trb. 2021, 52'],
  ])('%o → %s', (bron, ar) => {
    expect(cite(bron, 'ar')).toBe(ar);
  });
});

describe('more citations from the seeds', () => {
  it.each<[BronInvoer, string]>([
    [{ soort: 'kamerstuk', id: 'a', vergaderjaar: '2024-2025', dossier: 29279, nummer: 895 }, 'Kamerstukken II, 2024-2025, 29279, nr. 895.'],
    [{ soort: 'kamerstuk', id: 'b', vergaderjaar: '2021-2022', dossier: '22 112', nummer: 3394 }, 'Kamerstukken II, 2021-2022, 22112, nr. 3394.'],
    [{ soort: 'kamerstuk', id: 'c', datum: '2023-05-31', dossier: '32 317', nummer: 830 }, 'Kamerstukken II, 2022-2023, 32317, nr. 830.'],
    [{ soort: 'kamerstuk', id: 'd', kamer: 'I', vergaderjaar: '2022-2023', dossier: '36 123', nummer: 'C' }, 'Kamerstukken I, 2022-2023, 36123, C.'],
    [{ soort: 'tractatenblad', id: 'e', jaar: 2012, nummer: 233 }, 'Trb. 2012, 233.'],
    [
      { soort: 'aanhangsel', id: 'f', vergaderjaar: '2020-2021', nummer: 1234 },
      'Aanhangsel Handelingen II, vergaderjaar 2020-2021, nr. 1234.',
    ],
    [
      { soort: 'web', id: 'g', titel: 'Impactmonitor huiselijk geweld en kindermishandeling', url: 'https://dashboards.cbs.nl/v3/dashboardimpactmonitor_hgkm/' },
      'Impactmonitor huiselijk geweld en kindermishandeling, zie: https://dashboards.cbs.nl/v3/dashboardimpactmonitor_hgkm/.',
    ],
    [
      { soort: 'web', id: 'h', organisatie: 'CBS', url: 'https://www.cbs.nl/', geraadpleegd: '2024-11-01' },
      'Website CBS, zie: https://www.cbs.nl/ (geraadpleegd op 1 november 2024).',
    ],
    [
      {
        soort: 'rapport',
        id: 'i',
        auteurs: ['Steketee, M.'],
        etAl: true,
        jaar: 2020,
        titel: 'Kwestie van lange adem. Kan huiselijk geweld en kindermishandeling echt stoppen?',
        uitgever: 'Verwey-Jonker Instituut',
      },
      'Steketee, M., et al. (2020): Kwestie van lange adem. Kan huiselijk geweld en kindermishandeling echt stoppen? Verwey-Jonker Instituut.',
    ],
    [
      // Invented: two authors and an address.
      { soort: 'rapport', id: 'j2', auteurs: ['Jansen, P.', 'Visser, L.'], jaar: 2022, titel: 'Een rapport', uitgever: 'Bureau', plaats: 'Utrecht', url: 'https://example.org/rapport' },
      'Jansen, P. en Visser, L. (2022): Een rapport. Utrecht: Bureau (https://example.org/rapport).',
    ],
    [
      { soort: 'motie', id: 'j', dossier: 36234, nummer: 12, titel: 'Versterken van de signalerende werking van de Jeugdgezondheidszorg' },
      'Motie 36234, nr. 12 – Versterken van de signalerende werking van de Jeugdgezondheidszorg.',
    ],
  ])('%o → %s', (bron, ministerie) => {
    expect(cite(bron)).toBe(ministerie);
  });

  it('cites a motie with vergaderjaar and nummer as the Kamerstuk it is in the Ar style', () => {
    const motie: BronInvoer = { soort: 'motie', id: 'm', dossier: '36 234', nummer: 12, datum: '2023-07-04', titel: 'Versterken' };
    expect(cite(motie, 'ar', 'gespatieerd')).toBe(`Kamerstukken II 2022/23, 36${NBSP}234, nr. 12`);
    expect(cite(motie, 'ar', 'aaneen')).toBe('Kamerstukken II 2022/23, 36234, nr. 12');
  });

  it('lists three or more authors as the first, et al', () => {
    const bron: BronInvoer = { soort: 'rapport', id: 'r', auteurs: ['A', 'B', 'C'], jaar: 2020, titel: 'T', uitgever: 'U' };
    expect(cite(bron)).toBe('A, et al. (2020): T. U.');
  });

  it('drops a "de" the author typed before the committee', () => {
    const bron: BronInvoer = {
      soort: 'commissiebrief',
      id: 'c',
      kamer: 'I',
      commissie: 'de vaste commissie voor Justitie en Veiligheid',
      datum: '2024-02-01',
      zaak: '2024Z00001',
    };
    expect(cite(bron)).toBe('Brief van de vaste commissie voor Justitie en Veiligheid van de Eerste Kamer d.d. 1 februari 2024, 2024Z00001.');
  });
});

describe('kamerstukReference', () => {
  it('writes dossier and nr. in the letter\'s notation, whatever the data wrote', () => {
    expect(kamerstukReference('36 234', 12, 'aaneen')).toBe('36234, nr. 12');
    expect(kamerstukReference(29279, '890', 'gespatieerd')).toBe(`29${NBSP}279, nr. 890`);
    expect(kamerstukReference('36658', undefined, 'gespatieerd')).toBe(`36${NBSP}658`);
    expect(kamerstukReference('36 123', 'C', 'aaneen')).toBe('36123, C');
    expect(kamerstukReference('36600-XVI', 3, 'gespatieerd')).toBe(`36${NBSP}600${NBSP}XVI, nr. 3`);
    expect(kamerstukReference('36 600 XVI', 3, 'aaneen')).toBe('36600-XVI, nr. 3');
  });
});

describe('bronSchema', () => {
  it('reads the records as authors type them in YAML', () => {
    const bronnen = bronSchema.array().parse(
      parseYaml(`
- soort: kamerstuk
  id: kst-29279-890
  vergaderjaar: 2024-2025
  dossier: 29279
  nummer: 890
- soort: kamerstuk
  id: kst-36658
  vergaderjaar: 2024–2025
  dossier: 36 658
- soort: handelingen
  id: h-ek-20
  kamer: I
  vergaderjaar: 2022/23
  nummer: 20
  item: 9
`),
    );
    expect(bronnen.map((b) => formatCitation(b))).toEqual([
      'Kamerstukken II, 2024-2025, 29279, nr. 890.',
      'Kamerstukken II, 2024-2025, 36658.',
      'Handelingen I, vergaderjaar 2022-2023, nr. 20, item 9.',
    ]);
  });

  it('defaults to the Tweede Kamer and normalises numbers and vergaderjaar', () => {
    expect(bronSchema.parse({ soort: 'kamerstuk', id: 'k', vergaderjaar: '2024/25', dossier: 29279, nummer: 890 })).toEqual({
      soort: 'kamerstuk',
      id: 'k',
      kamer: 'II',
      vergaderjaar: '2024-2025',
      dossier: '29279',
      nummer: '890',
    });
  });

  it('derives the vergaderjaar from the datum, and lets an explicit one win', () => {
    const bron = (datum: string, vergaderjaar?: string) =>
      bronSchema.parse({ soort: 'kamerstuk', id: 'k', dossier: 29279, datum, ...(vergaderjaar ? { vergaderjaar } : {}) });
    expect(bron('2024-09-16')).toMatchObject({ vergaderjaar: '2023-2024' });
    expect(bron('2024-09-17')).toMatchObject({ vergaderjaar: '2024-2025' });
    expect(bron('2024-09-16', '2024-2025')).toMatchObject({ vergaderjaar: '2024-2025' });
  });

  it.each<[string, unknown, string]>([
    ['no vergaderjaar or datum', { soort: 'kamerstuk', id: 'k', dossier: 29279 }, 'vergaderjaar'],
    ['neither dossier nor zaak', { soort: 'kamerstuk', id: 'k', vergaderjaar: '2024-2025' }, 'dossier'],
    ['a nummer without dossier', { soort: 'kamerstuk', id: 'k', vergaderjaar: '2024-2025', zaak: '2023Z15247', nummer: 3 }, 'nummer'],
    ['a bad vergaderjaar', { soort: 'handelingen', id: 'h', vergaderjaar: '2024-2026', nummer: 1 }, 'vergaderjaar'],
    ['a bad id', { soort: 'staatscourant', id: 'Stcrt 2024', jaar: 2024, nummer: 4318 }, 'id'],
    ['a bad zaak', { soort: 'kamerstuk', id: 'k', vergaderjaar: '2024-2025', zaak: '2023D15247' }, 'zaak'],
    ['an impossible date', { soort: 'commissiebrief', id: 'c', commissie: 'x', datum: '2023-06-31', zaak: '2023Z10745' }, 'datum'],
    ['a typo in a field name', { soort: 'kamerstuk', id: 'k', vergaderjaar: '2024-2025', dossier: 1, nr: 3 }, ''],
    ['an unknown soort', { soort: 'boek', id: 'b' }, 'soort'],
    ['a web page without a name', { soort: 'web', id: 'w', url: 'https://www.cbs.nl/' }, 'organisatie'],
    ['a file address', { soort: 'web', id: 'w', organisatie: 'CBS', url: 'file:///H:/Downloads/brief.pdf' }, 'url'],
    ['a report without authors', { soort: 'rapport', id: 'r', auteurs: [], jaar: 2019, titel: 'T', uitgever: 'U' }, 'auteurs'],
  ])('refuses %s', (_, invoer, pad) => {
    const result = bronSchema.safeParse(invoer);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(pad);
  });
});
