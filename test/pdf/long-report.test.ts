import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport, TABLE_ROWS } from '../../bench/generate-report.js';
import { buildWithSharedBrowser, tempDir } from '../helpers/build-fixture.js';
import { fullWidthRows, readPdf, type PdfInfo, type PdfPage } from '../helpers/read-pdf.js';

/**
 * Scale (issue 15): a generated 200-page report with 400 footnotes and 20 tables that
 * run over pages builds, and its contents list still gives every heading's real page.
 * How long it takes is measured in bench/, not here.
 */

function rows(page: PdfPage): string[] {
  return fullWidthRows(page).map((r) => r.str);
}

describe('a generated 200-page report', () => {
  let pdf: PdfInfo;
  let footnotes: number;
  let pages: string[][];

  beforeAll(async () => {
    const report = generateReport(path.join(tempDir('vb-rapport-200-'), 'rapport'), { pages: 200, seed: 15 });
    expect(report).toMatchObject({ footnotes: 400, tables: 20 });
    const result = await buildWithSharedBrowser(report.dir);
    footnotes = result.documents[0]!.footnotes;
    pdf = await readPdf(result.documents[0]!.pdf);
    pages = pdf.pages.map(rows);
  }, 300_000);

  it('builds about 200 pages with all 400 footnotes', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(180);
    expect(pdf.pages.length).toBeLessThanOrEqual(230);
    expect(footnotes).toBe(400);
  });

  it('numbers the 20 long tables and carries each over its pages', () => {
    const captions = pages.flat().filter((r) => /^Tabel \d+\. /.test(r));
    // Each caption twice: in the list of tables and above its table.
    expect(captions.map((c) => Number(/^Tabel (\d+)/.exec(c)![1]))).toEqual([
      ...Array.from({ length: 20 }, (_, i) => i + 1),
      ...Array.from({ length: 20 }, (_, i) => i + 1),
    ]);
    const lastRows = pages.flatMap((p, i) => p.filter((r) => new RegExp(` ${TABLE_ROWS} \\d+ \\d+$`).test(r)).map(() => i));
    expect(lastRows).toHaveLength(20);
  });

  it('gives every contents entry the page its heading or table stands on', () => {
    const contents = pages.slice(0, 8).flatMap((p, i) => (p.some((r) => r === 'Inhoud' || r === 'Tabellen en figuren') ? [i] : []));
    const entries = contents
      .flatMap((i) => pages[i]!.slice(1))
      .map((r) => /^((?:Hoofdstuk [IVXL]+|[IVXL]+\.\d+|Tabel \d+\.) .*\S)\s+(\d+)$/.exec(r))
      .filter((m): m is RegExpExecArray => m !== null);
    expect(entries.length).toBe(10 + 40 + 20);
    for (const [, title, page] of entries) {
      const on = pages.findIndex((p, i) => !contents.includes(i) && p.some((r) => r.startsWith(title!)));
      expect(on + 1, title).toBe(Number(page));
    }
  });
});
