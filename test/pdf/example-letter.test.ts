import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { assertKamerbrief } from '../helpers/assert-kamerbrief.js';
import { buildWithSharedBrowser, REPO_ROOT } from '../helpers/build-fixture.js';
import { pdfFonts } from '../helpers/pdf-fonts.js';
import { footnotes, inTextColumn, outlineTitles, readPdf, type PdfInfo } from '../helpers/read-pdf.js';

// The bundled example is the repository root itself.
let result: BuildResult;
let pdf: PdfInfo;

beforeAll(async () => {
  result = await buildWithSharedBrowser(REPO_ROOT);
  pdf = await readPdf(result.documents[0]!.pdf);
});

describe('the bundled example letter', () => {
  it('has the anatomy of a Kamerbrief on every page', () => {
    assertKamerbrief(pdf, {
      onzeReferentie: '4123456-1087654-DJFS',
      betreft: 'Voortgang aanpak huiselijk geweld en kindermishandeling 2025',
      datum: '30 juni 2025',
      ondertekenaars: ['M.A. van der Linden', 'S.H. Kramer'],
    });
  });

  it('is a real voortgangsbrief: at least 8 pages and 30 footnotes', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(8);
    const numbers = pdf.pages.flatMap((p) => footnotes(p).map((n) => n.n));
    expect(numbers.length).toBeGreaterThanOrEqual(30);
    expect(result.documents[0]!.footnotes).toBe(numbers.length);
    expect(result.documents[0]!.pages).toBe(pdf.pages.length);
  });

  it('shows the full colofon with the number of bijlagen on page 1', () => {
    const first = pdf.pages[0]!.text;
    for (const line of ['Directoraat-Generaal', 'Parnassusplein 5', 'Postbus 20350', 'www.rijksoverheid.nl/vws', 'Bijlage(n)']) {
      expect(first).toContain(line);
    }
    // Bijlage 1 (voortgang van de acties) and bijlage 2 (overige moties en toezeggingen).
    expect(first).toMatch(/Bijlage\(n\)\n2\n/);
  });

  it('numbers the sections and letters their subsections', () => {
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).toMatch(/^1\. Kennis over aard en omvang$/m);
    expect(all).toMatch(/^a\. /m);
  });

  it('renders the Veilig Thuis table from CSV with Dutch numbers', () => {
    const all = pdf.pages.map((p) => p.text).join('\n');
    expect(all).toMatch(/Jaar Adviezen Meldingen/);
    expect(all).toMatch(/^2019 \d{2,3}\.\d{3} \d{2,3}\.\d{3}$/m);
  });

  it('starts the bijlage on a new page with its heading and contents list, numbering footnotes on', () => {
    const start = pdf.pages.findIndex((p) => p.lines.some((l) => l.str.startsWith('Bijlage 1. ')));
    expect(start).toBeGreaterThan(0);
    const page = pdf.pages[start]!;
    const left = page.lines.filter((l) => inTextColumn(page, l.x));
    expect(left[0]!.str).toMatch(/^Bijlage 1\. Voortgang/);
    expect(page.text).toMatch(/^a\. [\s\S]*?^b\. /m);
    const before = pdf.pages.slice(0, start).flatMap((p) => footnotes(p).map((n) => n.n));
    const inBijlage = pdf.pages.slice(start).flatMap((p) => footnotes(p).map((n) => n.n));
    expect(inBijlage.length).toBeGreaterThan(0);
    expect(inBijlage[0]).toBe(Math.max(...before) + 1);
  });

  it('sets a contents entry whose title wraps with its number on the first line and its page number on the last', () => {
    const page = pdf.pages.find((p) => p.lines.some((l) => l.str.startsWith('Bijlage 1. ')))!;
    const left = page.lines.filter((l) => inTextColumn(page, l.x)).map((l) => l.str);
    const start = left.indexOf('Inhoud');
    const end = left.findLastIndex((l) => /\s\d+$/.test(l));
    const list = left.slice(start + 1, end + 1);
    // The example has one title too long for a line: "a. Toekomstscenario … Jeugd".
    expect(list.length).toBeGreaterThan(list.filter((l) => /\s\d+$/.test(l)).length);
    list.forEach((row, i) => {
      const opens = i === 0 || /\s\d+$/.test(list[i - 1]!);
      expect(/^[a-z]\.\s/.test(row), `"${row}" ${opens ? 'opens an entry' : 'continues a title'}`).toBe(opens);
    });
  });

  it('ends with the register of overige moties en toezeggingen, generated from data/', () => {
    const start = pdf.pages.findIndex((p) => p.lines.some((l) => l.str.startsWith('Bijlage 2. ')));
    expect(start).toBeGreaterThan(0);
    const page = pdf.pages[start]!;
    const left = page.lines.filter((l) => inTextColumn(page, l.x));
    expect(left[0]!.str).toBe('Bijlage 2. Overige moties en toezeggingen');
    const text = pdf.pages.slice(start).map((p) => p.text).join('\n');
    expect(text).toMatch(/^a\. Moties$/m);
    expect(text).toMatch(/^b\. Toezeggingen$/m);
    expect(text).toMatch(/Status: openstaand/);
  });

  it('has a PDF outline with the numbered headings', async () => {
    const titles = await outlineTitles(result.documents[0]!.pdf);
    expect(titles).toContain('1. Kennis over aard en omvang');
    expect(titles.some((t) => /^a\. /.test(t))).toBe(true);
    expect(titles.some((t) => t.startsWith('Bijlage 1. '))).toBe(true);
  });

  it('embeds only the bundled Fira Sans fonts', () => {
    const fonts = pdfFonts(result.documents[0]!.pdf);
    expect(fonts.names.length).toBeGreaterThan(0);
    for (const name of fonts.names) expect(name).toMatch(/^FiraSans-/);
    expect(fonts.embedded).toBe(fonts.descriptors);
  });

  it('writes an HTML file that carries the same letter', () => {
    const html = readFileSync(result.documents[0]!.html, 'utf8');
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<title>Voortgang aanpak huiselijk geweld en kindermishandeling 2025</title>');
    expect(html).not.toMatch(/\{\{/);
  });
});
