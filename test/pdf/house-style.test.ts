import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWithSharedBrowser, FIXTURES } from '../helpers/build-fixture.js';
import { PRINT } from '../helpers/page-geometry.js';
import { footnotes, readPdf } from '../helpers/read-pdf.js';

/** The PDF's text with every kind of space (thin, no-break) read as one space. */
const plain = (s: string) => s.replace(/[\s\u00a0\u2009\u202f]+/g, ' ');

describe('one dossier notation in a printed Kamerstuk', () => {
  it('spaces the dossier in the head, the footnotes and the text; needs no colofon fields', async () => {
    const result = await buildWithSharedBrowser(path.join(FIXTURES, 'kamerstuk-records'));
    const pdf = await readPdf(result.documents[0]!.pdf, PRINT);
    const page = pdf.pages[0]!;
    expect(page.text).toMatch(/^Tweede Kamer der Staten-Generaal\nVergaderjaar 2024–2025\n28.345 Aanpak huiselijk geweld\n/);
    expect(footnotes(page).map((n) => plain(n.text))).toEqual([
      'Kamerstukken II, 2023-2024, 28 345, nr. 278.',
      'Kamerstukken II, 2024-2025, 29 279, nr. 890.',
      // The helper reads a note's first line; the rest is checked in the page text below.
      expect.stringMatching(/^Boom, A\. ten, et al\. \(maart 2024\): Monitor huiselijk geweld\./),
    ]);
    const text = plain(page.text);
    expect(text).toContain('3 Boom, A. ten, et al. (maart 2024): Monitor huiselijk geweld. Den Haag: WODC. Zie Kamerstukken II, 2023-2024, 28 345, nr. 278.');
    expect(text).toContain('Eerder schreef ik daarover (Kamerstuk 28 345, nr. 280); zie ook (Kamerstuk 36 658).');
    // The print wrote "28 345" in the head and "28345" in its notes: no unspaced dossier anywhere.
    expect(text).not.toMatch(/\b(28345|29279|36658)\b/);
  });
});
