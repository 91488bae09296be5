import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertKamerbrief } from '../helpers/assert-kamerbrief.js';
import { buildWithSharedBrowser, FIXTURES } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

describe('a one-page letter', () => {
  it('has the anatomy of a Kamerbrief', async () => {
    const result = await buildWithSharedBrowser(path.join(FIXTURES, 'minimal'));
    const doc = result.documents[0]!;
    expect(doc.pages).toBe(1);
    expect(doc.footnotes).toBe(3);
    const pdf = await readPdf(doc.pdf);
    assertKamerbrief(pdf, {
      onzeReferentie: '5896071',
      betreft: 'Verzamelbrief zeden en veiligheid van vrouwen',
      datum: '19 november 2024',
      ondertekenaars: ['De Staatssecretaris van Justitie en Veiligheid,', 'I. Coenradie'],
    });
    const page = pdf.pages[0]!.text;
    expect(page).toContain('1. Een landelijk meldpunt');
    expect(page).toContain('a. Achtergrond');
    expect(page).toContain('Tijdens het commissiedebat van 16 oktober 2024');
    // The colofon of page 1 is the full one.
    expect(page).toMatch(/Directoraat-Generaal Straffen en Beschermen/);
    expect(page).toMatch(/Turfmarkt 147/);
    expect(page).toMatch(/www\.rijksoverheid\.nl\/jenv/);
  });
});
