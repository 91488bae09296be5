import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { buildWithSharedBrowser, FIXTURES } from '../helpers/build-fixture.js';
import { elements, linkAnnotations, readStructure, type StructNode } from '../helpers/read-structure.js';
import { footnotes, inTextColumn, readPdf, type PdfItem, type PdfPage } from '../helpers/read-pdf.js';

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
  it('breaks a URL after "/" or ".", at its hyphens only in a part too long for a line, and adds nothing', () => {
    const lines = noteLines().map((l) => l.str);
    const first = lines.findIndex((l) => l.includes('https://'));
    expect(first).toBeGreaterThanOrEqual(0);
    const urlLines: string[] = [];
    for (let i = first; i < lines.length; i++) {
      urlLines.push(lines[i]!);
      if (lines[i]!.includes('onderzoeksrapporten')) break;
    }
    expect(urlLines.length).toBeGreaterThanOrEqual(2);
    // A line ends after "/" or "."; one ending in "-" lies in the last part, which at 119
    // characters is too long for any line.
    const lastPart = URL.slice(URL.lastIndexOf('/') + 1);
    for (const l of urlLines.slice(0, -1)) {
      if (/[/.]$/.test(l)) continue;
      expect(l, l).toMatch(/-$/);
      expect(lastPart.includes(l.slice(l.lastIndexOf('/') + 1)), l).toBe(true);
    }
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

/**
 * Two footnote calls in a row are separated by a superscript comma ("¹,²"), not run
 * together into one number (issue 18, item 4): in the PDF's text, in the HTML as the
 * browser shows it, and in the tagged structure. The fixture has calls 1,2 and 3,4,5
 * (an author's space between 3 and 4 gives way) and a single call 6.
 */
describe('footnote calls in a row', () => {
  let result: BuildResult;
  let page: PdfPage;
  beforeAll(async () => {
    result = await buildWithSharedBrowser(path.join(FIXTURES, 'voetnoot-reeks'));
    page = (await readPdf(result.documents[0]!.pdf)).pages[0]!;
  }, 120_000);

  /* The superscript items after a body line's last word, left to right. */
  function superscriptsAfter(text: string): { body: PdfItem; sup: PdfItem[] } {
    const body = page.items.find((i) => i.str === text)!;
    expect(body, text).toBeDefined();
    const sup = page.items
      .filter((i) => i.x >= body.x + body.width - 0.5 && i.y > body.y && i.y - body.y < 6 && i.str.trim() !== '')
      .filter((i) => i.size < body.size)
      .sort((a, b) => a.x - b.x);
    // Up to the next word of body text.
    const next = page.items.filter((i) => i.size === body.size && Math.abs(i.y - body.y) < 0.5 && i.x > body.x).sort((a, b) => a.x - b.x)[0];
    return { body, sup: next ? sup.filter((i) => i.x < next.x) : sup };
  }

  it('sets a raised, superscript-size comma between the numbers in the PDF', () => {
    for (const [text, expected] of [
      ['Uw Kamer heeft om deze brief gevraagd in twee moties.', ['1', ',', '2']],
      ['Drie bronnen staan achter de cijfers in deze alinea.', ['3', ',', '4', ',', '5']],
      ['hierna.', ['6']],
    ] as const) {
      const { body, sup } = superscriptsAfter(text);
      expect(sup.map((i) => i.str.trim()), text).toEqual(expected);
      for (const i of sup) {
        // 70% of the body size, and raised above the body's baseline like the numbers.
        expect(i.size / body.size, `${text} "${i.str}"`).toBeCloseTo(0.7, 1);
        expect(i.y - body.y, `${text} "${i.str}"`).toBeGreaterThan(2);
      }
      // In order, without a gap a word space would leave.
      for (let k = 1; k < sup.length; k++) {
        const gap = sup[k]!.x - (sup[k - 1]!.x + sup[k - 1]!.width);
        expect(gap, `${text} before "${sup[k]!.str}"`).toBeGreaterThan(-0.5);
        expect(gap, `${text} before "${sup[k]!.str}"`).toBeLessThan(1);
      }
    }
    expect(footnotes(page).map((n) => n.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('shows the comma in the HTML output as the browser lays it out, raised and small', async () => {
    const browser = await puppeteer.connect({ browserWSEndpoint: inject('browserWSEndpoint') });
    const tab = await browser.newPage();
    try {
      await tab.emulateMediaType('print');
      await tab.goto(`file://${result.documents[0]!.html}`);
      const seen = await tab.evaluate(async () => {
        await window.__vbKlaar;
        return Array.from(document.querySelectorAll('.vb-blad-stroom p'))
          .filter((p) => p.querySelector('[data-footnote-call]'))
          .map((p) => {
            const seq = Array.from(p.querySelectorAll('[data-footnote-call], .vb-noot-scheiding'), (el) =>
              el.hasAttribute('data-footnote-call') ? el.getAttribute('data-footnote-call') : el.textContent,
            );
            const comma = p.querySelector('.vb-noot-scheiding');
            const style = comma ? getComputedStyle(comma) : null;
            const range = document.createRange();
            range.selectNodeContents(p.firstChild!);
            const line = range.getClientRects()[0]!;
            const r = comma?.getBoundingClientRect();
            return {
              seq: seq.join(''),
              // Nothing but the comma between two calls: no space.
              adjacent: Array.from(p.querySelectorAll('.vb-noot-scheiding')).every(
                (c) => c.previousSibling === c.previousElementSibling && c.nextSibling === c.nextElementSibling,
              ),
              verticalAlign: style?.verticalAlign ?? null,
              ratio: style ? parseFloat(style.fontSize) / parseFloat(getComputedStyle(p).fontSize) : null,
              raised: r ? r.bottom < line.bottom - 1 : null,
            };
          });
      });
      expect(seen).toEqual([
        { seq: '1,2', adjacent: true, verticalAlign: 'super', ratio: expect.closeTo(0.7, 2), raised: true },
        { seq: '3,4,56', adjacent: true, verticalAlign: 'super', ratio: expect.closeTo(0.7, 2), raised: true },
      ]);
    } finally {
      await tab.close();
      await browser.disconnect();
    }
  });

  it('reads "Voetnoot 1", a comma, "Voetnoot 2" in the tagged structure', async () => {
    const file = result.documents[0]!.pdf;
    const links = new Map((await linkAnnotations(file)).map((l) => [l.object, l.contents]));
    const kidsOf = (p: StructNode) =>
      p.kids.map((k) => {
        if (typeof k === 'string') return k;
        if ('type' in k && k.type === 'Link') {
          const a = k.kids.find((x): x is { annotation: number } => typeof x === 'object' && 'annotation' in x);
          return `[${a ? links.get(a.annotation) : '?'}]`;
        }
        return 'type' in k ? `<${k.type}>` : '';
      });
    const paragraphs = elements(readStructure(file).root).filter((e) => e.type === 'P' && e.kids.some((k) => typeof k === 'object' && 'type' in k && k.type === 'Link'));
    const read = paragraphs.map((p) => kidsOf(p).join(''));
    expect(read[0]).toContain('twee moties.[Voetnoot 1],[Voetnoot 2] Deze brief');
    expect(read[1]).toContain('deze alinea.[Voetnoot 3],[Voetnoot 4],[Voetnoot 5] Een losse bron');
    expect(read[1]).toMatch(/hierna\.\[Voetnoot 6\]$/);
  });
});
