import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWithSharedBrowser, FIXTURES } from '../helpers/build-fixture.js';
import { pdfFonts } from '../helpers/pdf-fonts.js';
import { readPdf } from '../helpers/read-pdf.js';

describe('a project with its own fonts, logo, address and template override', () => {
  it('embeds only the project fonts and uses its templates', async () => {
    const result = await buildWithSharedBrowser(path.join(FIXTURES, 'eigen-huisstijl'));
    const doc = result.documents[0]!;
    const fonts = pdfFonts(doc.pdf);
    expect(fonts.names.length).toBeGreaterThan(0);
    for (const name of fonts.names) expect(name).toMatch(/^SourceSans3/);
    expect(fonts.embedded).toBe(fonts.descriptors);

    const pdf = await readPdf(doc.pdf);
    const first = pdf.pages[0]!.text;
    expect(first).toContain('Aan de Voorzitter van de Eerste Kamer');
    expect(first).toMatch(/Uw referentie\n2025Z01234/);
    expect(first).not.toContain('Bijlage(n)');
    expect(first).toContain('Pagina 1 van 1');

    const html = readFileSync(doc.html, 'utf8');
    expect(html).toContain('Eigen vervolgcolofon');
    expect(readFileSync(path.join(path.dirname(doc.html), 'assets/logo.svg'), 'utf8')).toContain('Eigen logo');
  });
});
