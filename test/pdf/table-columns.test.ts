import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWithSharedBrowser, copyFixture } from '../helpers/build-fixture.js';
import { footnotes, inTextColumn, readPdf, type PdfInfo } from '../helpers/read-pdf.js';

/**
 * A long table cut over pages keeps the columns it has laid out whole
 * (src/layout/browser/page-runner/table-columns.ts). Each part once had columns of its
 * own, and a page measured with the long row of a later page in its box ended half empty.
 */
const ROWS = 80;
const LONG_ROW = 45;

let pdf: PdfInfo;

beforeAll(async () => {
  const dir = copyFixture('minimal');
  const long = 'een lange omschrijving van deze maatregel met veel woorden '.repeat(6).trim();
  const rows = Array.from({ length: ROWS }, (_, i) => `| ${i + 1} | Regio ${i + 1} | ${i + 1 === LONG_ROW ? long : 'korte omschrijving'} | B${i + 1} |`);
  writeFileSync(path.join(dir, 'secties', '02-tabel.md'), `---\ntitel: Tabel\n---\n| Nr | Naam | Omschrijving | Bedrag |\n|---:|---|---|---:|\n${rows.join('\n')}\n`);
  pdf = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);
});

const withRows = () => pdf.pages.filter((p) => p.items.some((i) => i.str.startsWith('korte omschrijving')));

describe('a long table with one long row', () => {
  it('has the same columns on every page', () => {
    const pages = withRows();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const starts = pages.map((p) => [...new Set(p.items.filter((i) => i.str.startsWith('korte omschrijving')).map((i) => Math.round(i.x)))]);
    for (const s of starts) expect(s).toEqual(starts[0]);
  });

  it('fills every page but its last to the foot of the text area', () => {
    const pages = withRows();
    for (const page of pages.slice(0, -1)) {
      const lowest = Math.min(...page.lines.filter((l) => inTextColumn(page, l.x) && l.size >= 8).map((l) => l.y));
      // The foot of the text: the footnotes' rule (~20 pt above the first note) or the text area's bottom.
      const notes = footnotes(page);
      const foot = notes.length ? Math.max(...notes.map((n) => n.y)) + 20 : page.geometry.bottom;
      // Within two rows (a row of two lines is ~30 pt) of the foot; PDF y runs upwards.
      expect(lowest - foot, `page ${page.number}`).toBeLessThan(60);
    }
  });

  it('loses and repeats no row', () => {
    // The amounts column: each row's amount once, over all pages.
    const amounts = pdf.pages.flatMap((p) => p.items.map((i) => i.str.trim())).filter((s) => /^B\d+$/.test(s));
    for (let i = 1; i <= ROWS; i++) expect(amounts.filter((a) => a === `B${i}`).length, `row ${i}`).toBe(1);
  });
});

/**
 * The same with a long address and a long file name in its cells. With its words whole
 * the table was wider than the column, so it kept the automatic layout: each page's part
 * had columns of its own (x of "Status" 97–99 pt), and the address ran across the next column.
 */
describe('a long table with an address and a long file name in its cells', () => {
  let withUrl: PdfInfo;
  let warned: string[];

  beforeAll(async () => {
    const dir = copyFixture('minimal');
    const url = 'https://www.rijksoverheid.nl/documenten/kamerstukken/2025/03/14/voortgangsrapportage-aanpak-huiselijk-geweld-en-kindermishandeling';
    // A file name with no place to break, which a cell breaks anywhere.
    const file = 'overzicht_meldingen_huiselijk_geweld_per_maand_en_per_regio_2024_definitief_versie_3.xlsx';
    const rows = Array.from({ length: 60 }, (_, i) => `| Maatregel ${i + 1} | ${i % 3 ? 'lopend' : 'afgerond'} | ${i + 1 === 45 ? `Zie ${url}` : i + 1 === 30 ? `In ${file}` : 'korte stand van zaken'} |`);
    writeFileSync(path.join(dir, 'secties', '02-tabel.md'), `---\ntitel: Tabel\n---\n| Maatregel | Status | Stand |\n|---|---|---|\n${rows.join('\n')}\n`);
    const result = await buildWithSharedBrowser(dir);
    warned = result.warnings.map((w) => w.message);
    withUrl = await readPdf(result.documents[0]!.pdf);
  });

  it('has the same columns on every page, and the address stays in its cell', () => {
    const pages = withUrl.pages.filter((p) => p.items.some((i) => /^(lopend|afgerond)$/.test(i.str.trim())));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const status = pages.map((p) => [...new Set(p.items.filter((i) => /^(lopend|afgerond)$/.test(i.str.trim())).map((i) => Math.round(i.x)))]);
    for (const s of status) expect(s).toEqual(status[0]);
    expect(warned.filter((m) => /sticks out/.test(m))).toEqual([]);
  });
});

describe('a short table', () => {
  let short: PdfInfo;
  let register: PdfInfo;

  beforeAll(async () => {
    const dir = copyFixture('minimal');
    const long = 'In deze regio is het aantal meldingen in het afgelopen jaar gestegen doordat meer professionals de meldcode hebben gebruikt en doordat Veilig Thuis extra voorlichting heeft gegeven aan scholen en huisartsen.';
    writeFileSync(
      path.join(dir, 'secties', '02-tabel.md'),
      ['---\ntitel: Tabel\n---', '| Regio | Aantal | Toelichting |\n|---|--:|---|', `| Noord | 38 | ${long} |\n| Zuid | 1.204 | Stabiel. |\n`].join('\n'),
    );
    short = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);
    // Bijlage 1 is a register table with a file name in a motie's stand van zaken.
    register = await readPdf((await buildWithSharedBrowser(copyFixture(path.join('overflow', 'register-woord')))).documents[0]!.pdf);
  });

  const words = (pdf: PdfInfo) => pdf.pages.flatMap((p) => p.items.flatMap((i) => i.str.split(/\s+/))).filter(Boolean);

  it('keeps its words whole in a short column beside a long description', () => {
    // Left to break anywhere, the automatic layout set "Noord" as "Noor" over "d".
    expect(words(short)).toEqual(expect.arrayContaining(['Noord', '38', '1.204']));
    expect(words(short)).not.toContain('Noor');
  });

  it('with a word too long for any column, breaks only that word', () => {
    const table = register.pages.find((p) => p.items.some((i) => i.str.includes('Stand van zaken')))!;
    const inTable = words({ ...register, pages: [table] });
    // The status column keeps room for "aangenomen.", rather than setting the full stop on a line of its own.
    expect(inTable.filter((w) => w === 'aangenomen.')).toHaveLength(2);
    expect(inTable).not.toContain('.');
    expect(inTable.join(' ')).not.toContain('overzicht_meldingen_huiselijk_geweld_per_maand_en_per_regio_2024_definitief_versie_3_vastgesteld.xlsx');
  });
});

/**
 * A table too wide for the column with its words whole is set smaller, 7.5 pt and then
 * 7 pt, where that makes it fit (table-columns.ts). Left at 8.5 pt, a table of eight years
 * of five-digit figures set "Vechtstreek" as "Vechtstree" over "k"; one that fits at no
 * size is set at the smallest, where fewer of its words break ("12.34" over "5"), and the author is told.
 */
describe('a table of figures too wide for the column at the text\'s size', () => {
  const regios = ['Groningen', 'Friesland', 'Drenthe', 'IJsselland', 'Twente', 'Gooi en Vechtstreek', 'Zaanstreek-Waterland', 'Amsterdam-Amstelland', 'Haaglanden', 'Rotterdam-Rijnmond'];
  const figure = (r: number, c: number) => `${10 + ((r * 7 + c * 13) % 89)}.${String((r * 131 + c * 17) % 1000).padStart(3, '0')}`;
  const tableOf = (years: number) =>
    [
      `| Regio | ${Array.from({ length: years }, (_, c) => 2025 - years + c).join(' | ')} |`,
      `|---|${'---:|'.repeat(years)}`,
      ...regios.map((regio, r) => `| ${regio} | ${Array.from({ length: years }, (_, c) => figure(r, c)).join(' | ')} |`),
    ].join('\n');
  let pdf: PdfInfo;
  let warnings: { file: string; line: number; rule?: string | undefined; message: string }[];

  beforeAll(async () => {
    const dir = copyFixture('minimal');
    writeFileSync(path.join(dir, 'secties', '02-acht-jaren.md'), `---\ntitel: Acht jaren\n---\nDe meldingen per regio.\n\n${tableOf(8)}\n`);
    writeFileSync(path.join(dir, 'secties', '03-tien-jaren.md'), `---\ntitel: Tien jaren\n---\nDe meldingen per regio.\n\n${tableOf(10)}\n`);
    const result = await buildWithSharedBrowser(dir);
    warnings = result.warnings;
    pdf = await readPdf(result.documents[0]!.pdf);
  });

  it('sets eight years at 7.5 pt, inside the column, every name and figure whole', () => {
    const page = pdf.pages.find((p) => p.items.some((i) => i.str === '2017'))!;
    const cells = page.items.filter((i) => i.str.trim() && i.y < page.items.find((h) => h.str === '2017')!.y + 1 && i.y > page.items.find((h) => h.str.startsWith('Rotterdam'))!.y - 1);
    expect(new Set(cells.map((c) => c.size))).toEqual(new Set([7.5]));
    for (const c of cells) expect(c.x + c.width, c.str).toBeLessThanOrEqual(page.geometry.textRight + 0.5);
    const words = cells.flatMap((c) => c.str.split(/\s+/)).filter(Boolean);
    expect(['Vechtstreek', 'Zaanstreek-', 'Waterland', figure(0, 0), figure(9, 7)].filter((w) => !words.includes(w))).toEqual([]);
    expect(words.filter((w) => /^\d/.test(w) && !/^\d{4}$/.test(w)).every((w) => /^\d{2}\.\d{3}$/.test(w))).toBe(true);
    expect(warnings.filter((w) => w.file.endsWith('02-acht-jaren.md'))).toEqual([]);
  });

  it('sets ten years, which fit at no size, at the smallest: fewer of its words break', () => {
    const page = pdf.pages.find((p) => p.items.some((i) => i.str === '2015'))!;
    const top = page.items.find((h) => h.str === '2015')!.y;
    const bottom = page.items.filter((h) => h.str.startsWith('Rotterdam')).at(-1)!.y;
    const cells = page.items.filter((i) => i.str.trim() && inTextColumn(page, i.x) && i.y <= top + 1 && i.y >= bottom - 12);
    expect(new Set(cells.map((c) => c.size))).toEqual(new Set([7]));
  });

  it('warns at the table where ten years fit at no size and its words break', () => {
    const own = warnings.filter((w) => w.file.endsWith('03-tien-jaren.md'));
    // At the row of the cell it found first.
    expect(own.map((w) => `${w.line} ${w.rule}`)).toEqual([expect.stringMatching(/^(6|8|9|1\d) word-broken$/)]);
    // A broken figure is named before a broken name.
    expect(own[0]!.message).toMatch(/^the word "\d\d\.\d{3}" \(6 characters\) is broken over two lines in a (cell|header) of a table of 11 columns on page \d+ of the PDF: its column is too narrow for it, even with the table set smaller$/);
  });
});
