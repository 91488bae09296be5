import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWithSharedBrowser, copyFixture, REPO_ROOT } from '../helpers/build-fixture.js';
import { inTextColumn, readPdf, type PdfInfo } from '../helpers/read-pdf.js';

/**
 * A page that holds more text than the runner takes from the flow at first (a team's own
 * style.css with small type) takes a second helping. Inside a bijlage, which starts on a
 * new page, the rest of the bijlage once still carried that forced break, and every page
 * of it ended after the first helping, about a third of the way down.
 */
const PARAGRAPHS = 150;
const LINE = 8.5;

let pdf: PdfInfo;

beforeAll(async () => {
  const dir = copyFixture('minimal');
  const style = readFileSync(path.join(REPO_ROOT, 'templates/style.css'), 'utf8')
    .replace(/(html \{[^}]*?)font-size: 9\.5pt;\s*line-height: 13pt;/, `$1font-size: 7pt; line-height: ${LINE}pt;`)
    .replace(/(\np \{\s*)margin: 0mm 0mm 13pt 0mm;/, '$1margin: 0mm;');
  expect(style).toContain(`line-height: ${LINE}pt`);
  expect(style).not.toMatch(/\np \{\s*margin: 0mm 0mm 13pt/);
  mkdirSync(path.join(dir, 'templates'));
  writeFileSync(path.join(dir, 'templates', 'style.css'), style);
  mkdirSync(path.join(dir, 'bijlagen'));
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => `Per regio staat hier wat er is gedaan en wat nog moet gebeuren, met een korte toelichting bij de stap. Regel${i + 1}.`);
  writeFileSync(path.join(dir, 'bijlagen', '01-dicht.md'), ['---\ntitel: Stand per regio\nvolgorde: 1\n---', ...paragraphs].join('\n\n'));
  const result = await buildWithSharedBrowser(dir);
  pdf = await readPdf(result.documents[0]!.pdf);
});

describe('a bijlage in small type', () => {
  it('fills every page but its last to the foot of the text area', () => {
    const start = pdf.pages.findIndex((p) => p.text.includes('Stand per regio'));
    const end = pdf.pages.findIndex((p) => p.text.includes(`Regel${PARAGRAPHS}.`));
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    for (const page of pdf.pages.slice(start, end)) {
      const lowest = Math.min(...page.lines.filter((l) => inTextColumn(page, l.x) && Math.abs(l.size - 7) < 0.2).map((l) => l.y));
      // The last line stands within two lines of the text area's foot (PDF y runs upwards).
      expect(lowest - page.geometry.bottom, `page ${page.number}`).toBeLessThan(2 * LINE + LINE);
    }
  });

  it('loses and repeats no paragraph', () => {
    const text = pdf.pages.map((p) => p.lines.filter((l) => inTextColumn(p, l.x)).map((l) => l.str).join('\n')).join('\n');
    for (let i = 1; i <= PARAGRAPHS; i++) expect(text.match(new RegExp(`Regel${i}\\.`, 'g'))?.length, `Regel${i}`).toBe(1);
  });
});
