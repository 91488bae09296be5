import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWithSharedBrowser, FIXTURES } from '../helpers/build-fixture.js';
import { layoutProblems } from '../helpers/layout-invariants.js';
import { COLOFON_COLUMN, geometryOfType, LETTER, MM, PRINT, withCover, type GeometryOf, type PageGeometry } from '../helpers/page-geometry.js';
import { footnotes, fullWidthRows, readPdf, type PdfInfo, type PdfItem, type PdfPage } from '../helpers/read-pdf.js';

/**
 * The parliamentary print's own page geometry (issue 18, item 8): the Kamerstuk and the
 * Eerste Kamer letter have no colofon, so their text block runs across the page; the
 * letters keep theirs. Read from the PDF's word boxes, against the geometry constants
 * of test/helpers/page-geometry.ts, which are first checked against the sheets the
 * page runner lays out.
 */
const TYPES = path.join(FIXTURES, 'types');
const right = (i: PdfItem) => i.x + i.width;
/* The colofon is set in 6.5 pt; a footnote call (70% of 9.5 pt) reads as 6.6. */
const isColofonSize = (i: PdfItem) => Math.abs(i.size - 6.5) < 0.05;

interface Built {
  pdf: PdfInfo;
  html: string;
}

async function buildAs(type: string, geometry: GeometryOf): Promise<Built> {
  const result = await buildWithSharedBrowser(path.join(TYPES, type));
  expect(result.documents).toHaveLength(1);
  const doc = result.documents[0]!;
  return { pdf: await readPdf(doc.pdf, geometry), html: doc.html };
}

/** The text area and colofon of every sheet, as the page runner laid them out, in PDF points. */
async function sheetBoxes(html: string) {
  const browser = await puppeteer.connect({ browserWSEndpoint: inject('browserWSEndpoint') });
  const page = await browser.newPage();
  try {
    await page.emulateMediaType('print');
    await page.goto(`file://${html}`);
    return await page.evaluate(async () => {
      await window.__vbKlaar;
      const pt = 0.75;
      return Array.from(document.querySelectorAll('.vb-blad'), (sheet) => {
        const s = sheet.getBoundingClientRect();
        const t = sheet.querySelector('.vb-blad-tekst')!.getBoundingClientRect();
        const colofon = sheet.querySelector('.vb-colofon')?.getBoundingClientRect();
        return {
          left: (t.left - s.left) * pt,
          right: (t.right - s.left) * pt,
          top: (t.top - s.top) * pt,
          bottom: (s.bottom - t.bottom) * pt,
          colofonLeft: colofon ? (colofon.left - s.left) * pt : null,
        };
      });
    });
  } finally {
    await page.close();
    await browser.disconnect();
  }
}

/** Words in the old colofon column that are not part of a line of the wide text block. */
function strayInColofonColumn(page: PdfPage): string[] {
  const rows = fullWidthRows(page);
  return page.items
    .filter((i) => i.str.trim() !== '' && right(i) > COLOFON_COLUMN.left)
    .filter((i) => {
      const inBlock = right(i) <= page.geometry.textRight + 1 && i.x >= page.geometry.textLeft - 1;
      // A line of the block starts at its left edge (a list item a little further in); a
      // footnote call stands a little above its line.
      const near = i.size < 7 ? 5 : 2;
      const lineOfBlock = rows.some((r) => Math.abs(r.y - i.y) <= near && r.x < page.geometry.textLeft + 10 * MM);
      return !inBlock || !lineOfBlock || isColofonSize(i);
    })
    .map((i) => `page ${page.number}: "${i.str}" at ${(i.x / MM).toFixed(1)}–${(right(i) / MM).toFixed(1)} mm, ${i.size} pt`);
}

const bodyItems = (page: PdfPage) => page.items.filter((i) => Math.abs(i.size - 9.5) < 0.2 && i.str.trim() !== '' && i.y < page.geometry.top + 1);
const widest = (page: PdfPage) => Math.max(...bodyItems(page).map(right));

describe('the page geometry constants of the tests', () => {
  it.each([
    ['kamerbrief', geometryOfType('kamerbrief')],
    ['kamerstuk', geometryOfType('kamerstuk')],
    ['eerste-kamer', geometryOfType('eerste-kamer')],
    ['voortgangsbrief', withCover(1)],
  ] as const)('are those of the sheets the runner lays out: %s', async (type, geometry) => {
    const { pdf, html } = await buildAs(type, geometry);
    const sheets = await sheetBoxes(html);
    expect(sheets).toHaveLength(pdf.pages.length);
    sheets.forEach((sheet, i) => {
      const g: PageGeometry = typeof geometry === 'function' ? geometry(i + 1) : geometry;
      const height = pdf.pages[i]!.height;
      const label = `${type} sheet ${i + 1}`;
      expect(sheet.left, label).toBeCloseTo(g.textLeft, 0);
      expect(sheet.right, label).toBeCloseTo(g.textRight, 0);
      expect(height - sheet.top, label).toBeCloseTo(i === 0 ? g.topFirst : g.top, 0);
      expect(sheet.bottom, label).toBeCloseTo(g.bottom, 0);
      if (g.colofonLeft === undefined) expect(sheet.colofonLeft, label).toBeNull();
      else if (sheet.colofonLeft !== null) expect(sheet.colofonLeft, label).toBeCloseTo(g.colofonLeft, 0);
    });
  }, 120_000);
});

describe('the Kamerstuk print', () => {
  let pdf: PdfInfo;
  beforeAll(async () => {
    ({ pdf } = await buildAs('kamerstuk', PRINT));
  }, 120_000);

  it('sets its text in a block wider than the letter column, within its own margins', () => {
    expect(pdf.pages.length).toBe(2);
    const page = pdf.pages[0]!;
    // The body's lines run well past the old 115 mm column, up to the print's right margin.
    expect(widest(page)).toBeGreaterThan(LETTER.textRight + 30 * MM);
    expect(widest(page)).toBeLessThanOrEqual(PRINT.textRight + 1);
    for (const p of pdf.pages) expect(Math.min(...bodyItems(p).map((i) => i.x))).toBeCloseTo(PRINT.textLeft, 0);
    // A full line of running text has the print's measure, not the letter's (about 95 characters).
    const long = fullWidthRows(page).filter((r) => r.str.startsWith('Het is niet eenvoudig'));
    expect(long.length).toBeGreaterThan(0);
    for (const r of long) expect(r.str.length).toBeGreaterThan(85);
  });

  it('opens with the head of the print: Kamer, vergaderjaar, dossier and title, Nr. with the heading', () => {
    const rows = fullWidthRows(pdf.pages[0]!).map((r) => r.str);
    expect(rows.slice(0, 4)).toEqual([
      'Tweede Kamer der Staten-Generaal',
      'Vergaderjaar 2024–2025',
      '28 345 Aanpak huiselijk geweld',
      'Nr. 285 BRIEF VAN DE STAATSSECRETARISSEN VAN JUSTITIE EN VEILIGHEID EN VAN VOLKSGEZONDHEID,',
    ]);
    // The number stands in its own column, the title and the heading in the next.
    const items = pdf.pages[0]!.items;
    const x = (s: string) => items.find((i) => i.str.startsWith(s))!.x;
    expect(x('Aanpak huiselijk geweld')).toBeCloseTo(x('BRIEF VAN DE'), 0);
    expect(x('28')).toBeCloseTo(PRINT.textLeft, 0);
    expect(x('Nr. 285')).toBeCloseTo(PRINT.textLeft, 0);
  });

  it('carries a running head on the following pages: dossier and Nr. at the left, the page number at the right', () => {
    const page = pdf.pages[1]!;
    const head = page.items.filter((i) => i.y > page.geometry.top + 3 * MM && i.str.trim() !== '');
    expect(head.map((i) => i.str.trim()).join(' ')).toBe('Tweede Kamer, vergaderjaar 2024–2025, 28 345, nr. 285 2');
    const title = head.find((i) => i.str.startsWith('Tweede Kamer'))!;
    const number = head.find((i) => i.str.trim() === '2')!;
    expect(title.x).toBeCloseTo(PRINT.textLeft, 0);
    expect(right(number)).toBeCloseTo(PRINT.textRight, 0);
    // 15 mm from the top edge, above the text area, as one line.
    expect(page.height - title.y).toBeGreaterThan(15 * MM);
    expect(page.height - title.y).toBeLessThan(22 * MM);
    expect(number.y).toBeCloseTo(title.y, 0);
    // Page 1 has the head of the print instead.
    expect(pdf.pages[0]!.items.filter((i) => i.y > pdf.pages[0]!.geometry.top + 3 * MM && i.str.trim() !== '')).toEqual([]);
  });

  it('keeps its footnotes at the foot of the text area, in the wide block', () => {
    expect(layoutProblems(pdf, { heading: /^Kennis over aard en omvang$/ })).toEqual([]);
    for (const page of pdf.pages) {
      const notes = footnotes(page);
      expect(notes.length, `page ${page.number}`).toBeGreaterThan(0);
      const lowest = Math.min(...page.items.filter((i) => Math.abs(i.size - 7.5) < 0.2).map((i) => i.y));
      expect(lowest - page.geometry.bottom, `page ${page.number}`).toBeGreaterThan(0);
      expect(lowest - page.geometry.bottom, `page ${page.number}`).toBeLessThan(4 * MM);
    }
  });

  it('puts nothing in the former colofon column but lines of its own text block', () => {
    // The text does reach into it…
    expect(pdf.pages[0]!.items.some((i) => right(i) > COLOFON_COLUMN.left)).toBe(true);
    // …and nothing else stands there: no colofon, no page number of the letter.
    expect(pdf.pages.flatMap(strayInColofonColumn)).toEqual([]);
    expect(pdf.pages.flatMap((p) => p.items.filter((i) => isColofonSize(i)).map((i) => i.str))).toEqual([]);
  });

  it('sets two signatories side by side across the block, their names on one line', () => {
    const page = pdf.pages[1]!;
    const at = (s: string) => page.items.find((i) => i.str.startsWith(s))!;
    const first = at('I. Coenradie');
    const second = at('V. Maeijer');
    expect(second.y).toBeCloseTo(first.y, 0);
    expect(second.x).toBeGreaterThan(LETTER.textRight - 40 * MM);
    expect(second.x).toBeCloseTo(at('De staatssecretaris van Volksgezondheid').x, 0);
  });
});

describe('the Eerste Kamer letter', () => {
  it('as a document of its own is printed like a Kamerstuk: wide, no colofon', async () => {
    const { pdf } = await buildAs('eerste-kamer', PRINT);
    const page = pdf.pages[0]!;
    expect(widest(page)).toBeGreaterThan(LETTER.textRight + 30 * MM);
    expect(pdf.pages.flatMap(strayInColofonColumn)).toEqual([]);
    expect(footnotes(page).map((n) => n.n)).toEqual([1]);
    expect(layoutProblems(pdf, { heading: /^$/ })).toEqual([]);
  }, 120_000);

  it('bound in front of a letter is wide too, and the letter after it keeps its colofon', async () => {
    const { pdf } = await buildAs('voortgangsbrief', withCover(1));
    const [cover, ...letter] = pdf.pages;
    expect(cover!.text).toMatch(/^C BRIEF VAN DE STAATSSECRETARIS/m);
    expect(widest(cover!)).toBeGreaterThan(LETTER.textRight + 30 * MM);
    expect(strayInColofonColumn(cover!)).toEqual([]);
    expect(footnotes(cover!).map((n) => n.n)).toEqual([1]);
    // The colofon column is never left empty: every page of the letter has its colofon there.
    for (const page of letter) {
      const colofon = page.items.filter((i) => isColofonSize(i) && i.x >= COLOFON_COLUMN.left - 1);
      expect(colofon.map((i) => i.str).join(' '), `page ${page.number}`).toContain('Onze referentie');
      expect(widest(page), `page ${page.number}`).toBeLessThanOrEqual(LETTER.textRight + 1);
    }
  }, 120_000);
});
