import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWithSharedBrowser, copyFixture } from '../helpers/build-fixture.js';
import { footnoteCalls, inTextColumn, readPdf, type PdfInfo } from '../helpers/read-pdf.js';

/**
 * What the page runner does at a break (src/layout/browser/page-runner/): text cut
 * mid-paragraph loses and repeats nothing, an ordered list cut between or inside
 * items numbers on, a table cut between rows repeats its header, and every footnote
 * stays on its call's page.
 */
const ITEMS = 45;
const ROWS = 80;
const PARAGRAPHS = 30;

function words(p: number): string {
  // Unique marker words, so each can be found once: w01a … w30z.
  return Array.from({ length: 26 }, (_, i) => `w${String(p).padStart(2, '0')}${String.fromCharCode(97 + i)} tekst over het onderwerp`).join(' ');
}

function section(): string {
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => `${words(i + 1)}.${i % 3 === 0 ? `[^n${i}]` : ''}`);
  const notes = Array.from({ length: PARAGRAPHS }, (_, i) => (i % 3 === 0 ? `[^n${i}]: Kamerstukken II, 2024-2025, 29279, nr. ${800 + i}.` : '')).filter(Boolean);
  const items = Array.from({ length: ITEMS }, (_, i) => `${i + 1}. punt${i + 1} ${i % 5 === 4 ? 'een langer punt dat over meer dan één regel doorloopt, zodat ook een knip binnen een punt kan vallen en het nummer niet twee keer mag verschijnen' : 'kort'}`);
  const rows = Array.from({ length: ROWS }, (_, i) => `| rij${i + 1} | ${1000 + i} |`);
  return [
    '---\ntitel: Lange sectie\n---',
    ...paragraphs.slice(0, 10),
    ...items,
    '',
    ...paragraphs.slice(10, 20),
    '| Regio | Meldingen |\n|---|--:|\n' + rows.join('\n'),
    '',
    ...paragraphs.slice(20),
    '',
    ...notes,
  ].join('\n\n').replace(/\n\n(\d+\. punt)/g, '\n$1');
}

let pdf: PdfInfo;

beforeAll(async () => {
  const dir = copyFixture('minimal');
  writeFileSync(path.join(dir, 'secties', '02-lang.md'), section());
  const result = await buildWithSharedBrowser(dir);
  pdf = await readPdf(result.documents[0]!.pdf);
});

const textColumn = (page: PdfInfo['pages'][number]) =>
  page.lines.filter((l) => inTextColumn(page, l.x) && l.size >= 8).map((l) => l.str).join('\n');

describe('page breaks', () => {
  it('spreads the long section over several pages', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(5);
  });

  it('loses and repeats no text where a paragraph is cut', () => {
    const all = pdf.pages.map(textColumn).join('\n');
    for (let p = 1; p <= PARAGRAPHS; p++) {
      for (let i = 0; i < 26; i++) {
        const marker = `w${String(p).padStart(2, '0')}${String.fromCharCode(97 + i)}`;
        expect(all.split(marker).length - 1, marker).toBe(1);
      }
    }
  });

  it('numbers an ordered list on across pages, each number once', () => {
    const all = pdf.pages.map(textColumn).join('\n');
    const numbers = [...all.matchAll(/^(\d+)\. punt(\d+)/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(numbers.length).toBe(ITEMS);
    for (const [shown, item] of numbers) expect(shown).toBe(item);
  });

  it('repeats the table header on every page the table continues on', () => {
    const withRows = pdf.pages.filter((p) => /\brij\d+\b/.test(textColumn(p)));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(textColumn(page), `page ${page.number}`).toMatch(/Regio\s*Meldingen/);
    const rows = pdf.pages.map(textColumn).join('\n').match(/\brij\d+\b/g) ?? [];
    expect(new Set(rows).size).toBe(ROWS);
    expect(rows.length).toBe(ROWS);
  });

  it('keeps every footnote on the page of its call', () => {
    for (const page of pdf.pages) {
      const notes = page.lines.filter((l) => inTextColumn(page, l.x) && l.size < 8 && /^\d+ /.test(l.str)).map((l) => Number(l.str.split(' ')[0]));
      const calls = footnoteCalls(page).map((c) => c.n);
      expect(notes.sort((a, b) => a - b), `page ${page.number}`).toEqual([...new Set(calls)].sort((a, b) => a - b));
    }
  });
});

describe('a footnote longer than a page', () => {
  it('continues over the next pages, nothing of it lost, without a warning, and the text around it still flows on', async () => {
    const dir = copyFixture('minimal');
    const huge = Array.from({ length: 900 }, (_, i) => `noot${i}`).join(' ');
    const after = Array.from({ length: 40 }, (_, i) => `Daarna volgt alinea na${i} met gewone tekst over de aanpak.`).join('\n\n');
    writeFileSync(path.join(dir, 'secties', '02-lang.md'), `---\ntitel: Te lange noot\n---\n\nEen bewering met een enorme voetnoot.[^lang]\n\n${after}\n\n[^lang]: ${huge}\n`);
    const result = await buildWithSharedBrowser(dir);
    expect(result.warnings, JSON.stringify(result.warnings)).toEqual([]);
    const pages = (await readPdf(result.documents[0]!.pdf)).pages;
    const text = pages.map(textColumn).join('\n');
    for (let i = 0; i < 40; i++) expect(text).toContain(`na${i} `);
    const notes = pages.flatMap((p) => p.lines.filter((l) => l.x < p.width * 0.68 && Math.abs(l.size - 7.5) < 0.2).map((l) => l.str)).join(' ');
    const words = notes.match(/\bnoot\d+\b/g) ?? [];
    expect(words).toEqual(Array.from({ length: 900 }, (_, i) => `noot${i}`));
  });
});
