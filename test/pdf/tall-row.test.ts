import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWithSharedBrowser, copyFixture } from '../helpers/build-fixture.js';
import { footnoteCalls, footnotes, inTextColumn, readPdf, type PdfInfo, type PdfPage } from '../helpers/read-pdf.js';

/**
 * A table row taller than a page is cut across all its cells, at the line where the page
 * ends (src/layout/browser/page-runner/row-split.ts). It was cut at one point: the cells
 * after it went whole to the next page and stood there in the columns to their left, and
 * the row was first moved to a page of its own, leaving the page before it empty.
 */
const POINTS = 14;
const PARTS = 3;

const words = 'de voortgang van het programma is besproken met gemeenten en regio en de uitvoering loopt volgens plan'.split(' ');
const sentence = (seed: number, n: number) => Array.from({ length: n }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ');
const paragraph = (label: string, seed: number) => `${label} ${sentence(seed, 14)}. ${sentence(seed + 1, 16)}. ${sentence(seed + 2, 12)}. ${sentence(seed + 3, 15)}.`;

let pdf: PdfInfo;

beforeAll(async () => {
  const dir = copyFixture('minimal');
  const stand = Array.from({ length: POINTS }, (_, i) => paragraph(`Punt${i + 1}`, i)).join('<br><br>');
  const onderwerp = Array.from({ length: PARTS }, (_, i) => paragraph(`Deel${i + 1}`, i + 40)).join('<br><br>');
  const table = [
    '| Nr | Onderwerp | Stand van zaken | Bron |',
    '|---|---|---|---|',
    `| 1 | Kort | ${sentence(3, 12)}. | Brief |`,
    `| 2 | ${onderwerp}[^a] | ${stand}[^c] | Brief[^b] |`,
    `| 3 | Derde | ${sentence(5, 10)}. | Brief |`,
  ].join('\n');
  const notes = ['[^a]: Kamerstukken II, 2024-2025, 29279, nr. 890.', '[^b]: Kamerstukken II, 2024-2025, 29279, nr. 895.', '[^c]: Kamerstukken II, 2024-2025, 29279, nr. 889.'].join('\n');
  writeFileSync(path.join(dir, 'secties', '02-tabel.md'), `---\ntitel: Stand van zaken\n---\n${paragraph('Inleiding', 90)}\n\n${table}\n\nTekst na de tabel.\n\n${notes}\n`);
  pdf = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);
});

const marked = (prefix: string) => pdf.pages.flatMap((p) => p.items.filter((i) => new RegExp(`^${prefix}\\d+\\b`).test(i.str)).map((i) => ({ page: p.number, x: Math.round(i.x), n: Number(/\d+/.exec(i.str)![0]) })));
const pageWith = (text: string) => pdf.pages.find((p) => p.items.some((i) => i.str.includes(text)));

describe('a table row taller than a page', () => {
  it('runs over at least two pages, every cell in its own column', () => {
    const points = marked('Punt');
    const parts = marked('Deel');
    expect(new Set(points.map((p) => p.page)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(points.map((p) => p.x)), 'every point of the long cell at one x').toHaveLength(1);
    expect(new Set(parts.map((p) => p.x)), 'every part of the second cell at one x').toHaveLength(1);
    expect(points[0]!.x).toBeGreaterThan(parts[0]!.x);
  });

  it('loses and repeats nothing', () => {
    expect(marked('Punt').map((p) => p.n)).toEqual(Array.from({ length: POINTS }, (_, i) => i + 1));
    expect(marked('Deel').map((p) => p.n)).toEqual(Array.from({ length: PARTS }, (_, i) => i + 1));
    expect(pdf.pages.map((p) => p.text).join('\n')).toContain('Tekst na de tabel.');
  });

  it('starts where it stands, after the row before it, and fills each page it is cut on', () => {
    const first = pageWith('Kort');
    expect(first).toBeDefined();
    expect(first!.items.some((i) => i.str.startsWith('Punt1 ')), 'the row begins on the page of the row before it').toBe(true);
    const pages = [...new Set(marked('Punt').map((p) => p.page))].slice(0, -1);
    for (const n of pages) {
      const page = pdf.pages[n - 1]!;
      const lowest = Math.min(...page.items.filter((i) => inTextColumn(page, i.x) && i.size >= 8).map((i) => i.y));
      const notes = footnotes(page);
      const foot = notes.length ? Math.max(...notes.map((f) => f.y)) + 20 : page.geometry.bottom;
      expect(lowest - foot, `page ${n}`).toBeLessThan(40);
    }
  });

  it('puts every note on the page of its call, also for a cell right of the cut', () => {
    const all = pdf.pages.flatMap((p: PdfPage) => footnotes(p).map((f) => ({ ...f, page: p.number })));
    // The minimal letter's own three notes, and the three of the table.
    expect(all.map((f) => f.n).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const note of all) {
      const page = pdf.pages[note.page - 1]!;
      expect(footnoteCalls(page).map((c) => c.n), `note ${note.n} on page ${note.page}`).toContain(note.n);
    }
  });
});

/**
 * The same row written as HTML, a list and paragraphs in its cells. A pull of text into
 * the page once ended inside the list, leaving the row in two copies that were never
 * joined again: the rest of the list then stood in the first column, a letter per line.
 */
describe('a tall row with a list and paragraphs in its cells', () => {
  const ITEMS = 24;
  const PARAGRAPHS = 7;
  let html: PdfInfo;

  beforeAll(async () => {
    const dir = copyFixture('minimal');
    const items = Array.from({ length: ITEMS }, (_, i) => `<li>Item${i + 1} ${sentence(i, 10)}. ${sentence(i + 2, 12)}.</li>`).join('');
    const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => `<p>${paragraph(`Alinea${i + 1}`, i + 20)}</p>`).join('');
    const table = `<table>\n<thead><tr><th>Nr</th><th>Maatregel</th><th>Stand</th></tr></thead>\n<tbody>\n<tr><td>1</td><td>Eerste</td><td>${sentence(4, 20)}.</td></tr>\n<tr><td>2</td><td>${paragraphs}</td><td><ol>${items}</ol></td></tr>\n</tbody>\n</table>`;
    writeFileSync(path.join(dir, 'secties', '02-tabel.md'), `---\ntitel: Overzicht\n---\n${paragraph('Inleiding', 70)}\n\n${table}\n`);
    html = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);
  });

  it('keeps the list in its column, numbered on, and loses no item', () => {
    const lines = html.pages.flatMap((p) => p.lines.map((l) => l.str));
    const found = lines.flatMap((l) => [...l.matchAll(/(\d+)\.\s*Item(\d+)\b/g)].map((m) => [Number(m[1]), Number(m[2])]));
    expect(found.map(([, n]) => n)).toEqual(Array.from({ length: ITEMS }, (_, i) => i + 1));
    for (const [marker, n] of found) expect(marker, `item ${n}`).toBe(n);
    const xs = html.pages.flatMap((p) => p.items.filter((i) => /^Item\d+/.test(i.str)).map((i) => Math.round(i.x)));
    expect(new Set(xs)).toHaveLength(1);
    const paras = html.pages.flatMap((p) => p.items.filter((i) => /^Alinea\d+/.test(i.str)).map((i) => Math.round(i.x)));
    expect(paras).toHaveLength(PARAGRAPHS);
    expect(new Set(paras)).toHaveLength(1);
  });
});

/**
 * Rows of a third of a page each, as a register with a long "stand van zaken" per motie
 * has them. Kept whole, each page ended up to a row's height early (a third of the page
 * empty on most pages); a row taller than a quarter of a page is now cut like a tall one.
 */
describe('a table of rows a third of a page high', () => {
  const ROWS = 12;
  let third: PdfInfo;

  beforeAll(async () => {
    const dir = copyFixture('minimal');
    const rows = Array.from({ length: ROWS }, (_, i) => `| Motie ${i + 1} | Stand${i + 1} ${Array.from({ length: 5 }, (_, k) => paragraph('', i * 5 + k)).join(' ')} | Rij${i + 1}einde |`);
    writeFileSync(path.join(dir, 'secties', '02-tabel.md'), `---\ntitel: Moties\n---\n| Motie | Stand van zaken | Kenmerk |\n|---|---|---|\n${rows.join('\n')}\n`);
    third = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);
  });

  it('fills every page it runs over to the foot, and loses no row', () => {
    const pages = third.pages.filter((p) => p.items.some((i) => /^Stand\d+/.test(i.str) || /^Rij\d+einde/.test(i.str.trim())));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages.slice(0, -1)) {
      const lowest = Math.min(...page.items.filter((i) => inTextColumn(page, i.x) && i.size >= 8).map((i) => i.y));
      const notes = footnotes(page);
      const foot = notes.length ? Math.max(...notes.map((f) => f.y)) + 20 : page.geometry.bottom;
      expect(lowest - foot, `page ${page.number}`).toBeLessThan(40);
    }
    const ends = third.pages.flatMap((p) => p.items.map((i) => i.str.trim()).filter((s) => /^Rij\d+einde$/.test(s)));
    expect(ends).toEqual(Array.from({ length: ROWS }, (_, i) => `Rij${i + 1}einde`));
  });
});
