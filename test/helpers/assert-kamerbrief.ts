import { expect } from 'vitest';
import { bodyBottom, footnoteCalls, footnotes, type PdfInfo } from './read-pdf.js';

export interface Expected {
  onzeReferentie: string;
  betreft: string;
  datum: string;
  ondertekenaars: string[];
}

/**
 * The anatomy every Kamerbrief PDF must have, asserted on its text per page:
 * page 1's letterhead, the colofon and page numbers on every page, and footnotes
 * numbered 1..N in order, each at the foot of the page that calls it.
 */
export function assertKamerbrief(pdf: PdfInfo, expected: Expected): void {
  const total = pdf.pages.length;
  const first = pdf.pages[0]!;
  expect(first.text).toMatch(/Retouradres Postbus/);
  expect(first.text).toContain('Aan de Voorzitter van de Tweede Kamer');
  expect(first.text).toMatch(new RegExp(`Datum ${escape(expected.datum)}`));
  expect(first.text).toContain(`Betreft ${expected.betreft.split(' ').slice(0, 4).join(' ')}`);

  for (const page of pdf.pages) {
    // Chromium writes 594.96 × 841.92 pt for A4.
    expect(page.width).toBeCloseTo(595, 0);
    expect(page.height).toBeCloseTo(842, 0);
    expect(page.text, `page ${page.number}`).toContain(`Pagina ${page.number} van ${total}`);
    expect(page.text, `page ${page.number}`).toContain('Onze referentie');
    expect(page.text, `page ${page.number}`).toContain(expected.onzeReferentie);
    if (page.number > 1) expect(page.text, `page ${page.number}`).toMatch(new RegExp(`Datum\\n${escape(expected.datum)}`));
  }

  const seen: number[] = [];
  for (const page of pdf.pages) {
    const notes = footnotes(page);
    const calls = footnoteCalls(page);
    const bottom = bodyBottom(page);
    for (const note of notes) {
      seen.push(note.n);
      expect(calls.map((c) => c.n), `footnote ${note.n} is called on page ${page.number}`).toContain(note.n);
      expect(note.y, `footnote ${note.n} sits below the body text on page ${page.number}`).toBeLessThan(bottom);
      expect(note.text.length).toBeGreaterThan(0);
    }
    for (const call of calls) {
      expect(notes.map((n) => n.n), `call ${call.n} has its note on page ${page.number}`).toContain(call.n);
    }
  }
  expect(seen).toEqual(seen.map((_, i) => i + 1));

  const last = pdf.pages.map((p) => p.text).join('\n');
  for (const naam of expected.ondertekenaars) expect(last).toContain(naam);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
