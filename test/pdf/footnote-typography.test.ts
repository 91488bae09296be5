import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWithSharedBrowser, FIXTURES } from '../helpers/build-fixture.js';
import { inTextColumn, type PdfPage, readPdf } from '../helpers/read-pdf.js';

/** Footnotes with a URL and with two paragraphs, and a loose list, read from the PDF. */
const URL =
  'https://www.rijksoverheid.nl/documenten/kamerstukken/2024/11/19/voortgangsbrief-aanpak-huiselijk-geweld-en-kindermishandeling-tweede-helft-van-2024-met-bijlagen-en-onderzoeksrapporten';

let page: PdfPage;
beforeAll(async () => {
  const result = await buildWithSharedBrowser(path.join(FIXTURES, 'voetnoten-opmaak'));
  page = (await readPdf(result.documents[0]!.pdf)).pages[0]!;
});

const noteLines = () => page.lines.filter((l) => inTextColumn(page, l.x) && Math.abs(l.size - 7.5) < 0.2);

describe('footnote typography', () => {
  it('breaks a URL only after "/" or ".", never at its own hyphens, and adds nothing', () => {
    const lines = noteLines().map((l) => l.str);
    const first = lines.findIndex((l) => l.includes('https://'));
    expect(first).toBeGreaterThanOrEqual(0);
    const urlLines: string[] = [];
    for (let i = first; i < lines.length; i++) {
      urlLines.push(lines[i]!);
      if (lines[i]!.includes('onderzoeksrapporten')) break;
    }
    expect(urlLines.length).toBeGreaterThanOrEqual(2);
    for (const l of urlLines.slice(0, -1)) expect(l, l).toMatch(/[/.]$/);
    const joined = urlLines.join('').replace(/^.*?https:/, 'https:').replace(/\.$/, '');
    expect(joined).toBe(URL);
  });

  it('keeps the paragraphs of a footnote apart', () => {
    const lines = noteLines().map((l) => l.str);
    expect(lines.some((l) => /^\d+ Eerste alinea van de noot, over de aanpak\.$/.test(l))).toBe(true);
    expect(lines).toContain('Tweede alinea van de noot, over de uitvoering.');
  });

  it('gives the paragraphs of a list item room between them', () => {
    const y = (start: string) => page.lines.find((l) => l.str.includes(start))!.y;
    const gap = y('Eerste alinea van punt twee') - y('Tweede alinea van punt twee');
    // 13 pt a line, and half a line between the paragraphs.
    expect(gap).toBeGreaterThan(17);
    const between = y('Tweede alinea van punt een') - y('Eerste alinea van punt twee');
    expect(between).toBeGreaterThan(17);
  });
});
