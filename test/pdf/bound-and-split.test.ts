import path from 'node:path';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { buildWithSharedBrowser, FIXTURES, tempDir } from '../helpers/build-fixture.js';
import { LETTER, PRINT, withCover } from '../helpers/page-geometry.js';
import { footnotes, readPdf } from '../helpers/read-pdf.js';

const PROJECT = path.join(FIXTURES, 'types', 'voortgangsbrief');

describe('a voortgangsbrief with an Eerste Kamer cover letter', () => {
  it('binds the cover in front: its own page without colofon, then the letter counting its own pages', async () => {
    const result = await buildWithSharedBrowser(PROJECT);
    // The cover letter is printed like a Kamerstuk, the letter after it as a letter.
    const pdf = await readPdf(result.documents[0]!.pdf, withCover(1));
    expect(pdf.pages.length).toBe(4);
    const [ek, brief, b1, b2] = pdf.pages;
    expect(ek!.text).toMatch(/^C BRIEF VAN DE STAATSSECRETARIS/m);
    expect(ek!.text).not.toMatch(/Pagina|Onze referentie/);
    expect(footnotes(ek!).map((n) => n.n)).toEqual([1]);
    expect(brief!.text).toContain('Retouradres Postbus 20350');
    expect(brief!.text).toContain('Pagina 1 van 3');
    expect(brief!.text).toMatch(/Bijlage\(n\)\n2/);
    expect(footnotes(brief!).map((n) => n.n)).toEqual([2, 3]);
    expect(b1!.text).toMatch(/^Bijlage 1\. Voortgang aanpak/m);
    expect(b1!.text).toContain('Pagina 2 van 3');
    // The bijlage's contents list, with the page its headings stand on.
    expect(b1!.text).toContain('Inhoud\na. Eerder en beter in beeld 2\nb. Duurzame oplossingen 2');
    expect(footnotes(b1!).map((n) => n.n)).toEqual([4, 5]);
    expect(b2!.text).toMatch(/^Bijlage 2\. Aanpak gendergerelateerd geweld/m);
    expect(footnotes(b2!).map((n) => n.n)).toEqual([6]);
    // Two signatories side by side, under both letters.
    // The cover's wide block gives the first function more of a line than the letter's column.
    expect(ek!.text).toMatch(/^De staatssecretaris van Volksgezondheid, Welzijn en\s*De minister voor/m);
    expect(brief!.text).toMatch(/De staatssecretaris van\s*De minister voor/);
  });

  it('--split writes one PDF per document with stable names, numbers running on', async () => {
    const out = tempDir('vb-split-');
    const result = await build({ dir: PROJECT, out, split: true, browserWSEndpoint: inject('browserWSEndpoint') });
    expect(result.documents.map((d) => path.basename(d.pdf))).toEqual([
      'brief-eerste-kamer.pdf',
      'brief.pdf',
      'brief-bijlage-1.pdf',
      'brief-bijlage-2.pdf',
    ]);
    expect(result.documents.map((d) => d.pages)).toEqual([1, 1, 1, 1]);
    const pdfs = await Promise.all(result.documents.map((d, i) => readPdf(d.pdf, i === 0 ? PRINT : LETTER)));
    expect(pdfs.map((p) => footnotes(p.pages[0]!).map((n) => n.n))).toEqual([[1], [2, 3], [4, 5], [6]]);
    expect(pdfs[1]!.pages[0]!.text).toMatch(/Bijlage\(n\)\n2/);
    for (const pdf of pdfs.slice(1)) expect(pdf.pages[0]!.text).toContain('Pagina 1 van 1');
    // A split-off bijlage opens with the short colofon, not the letterhead.
    expect(pdfs[2]!.pages[0]!.text).toMatch(/^Bijlage 1\. /m);
    expect(pdfs[2]!.pages[0]!.text).not.toContain('Retouradres');
    expect(pdfs[2]!.pages[0]!.text).toMatch(/Datum\n22 september 2023/);
  });

  it('uitvoer.splitsen in the front matter splits too', async () => {
    const out = tempDir('vb-split-');
    const result = await build({ dir: PROJECT, out, overrides: { uitvoer: { splitsen: true } }, browserWSEndpoint: inject('browserWSEndpoint') });
    expect(result.documents).toHaveLength(4);
  });
});
