import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertKamerbrief } from '../helpers/assert-kamerbrief.js';
import { buildWithSharedBrowser, FIXTURES } from '../helpers/build-fixture.js';
import { geometryOfType } from '../helpers/page-geometry.js';
import { footnotes, readPdf, type PdfInfo } from '../helpers/read-pdf.js';

const TYPES = path.join(FIXTURES, 'types');

async function buildType(type: string): Promise<PdfInfo> {
  const result = await buildWithSharedBrowser(path.join(TYPES, type));
  expect(result.documents).toHaveLength(1);
  // Each type's own page geometry: the letter's column, or the print's wide text block.
  return readPdf(result.documents[0]!.pdf, geometryOfType(type));
}

const notesOf = (pdf: PdfInfo) => pdf.pages.map((p) => footnotes(p).map((n) => n.n));

describe('document types', () => {
  it('kamerbrief: mede namens from the front matter, signatories stacked', async () => {
    const pdf = await buildType('kamerbrief');
    assertKamerbrief(pdf, {
      onzeReferentie: '4123456',
      betreft: 'Stand van zaken Veilig Thuis',
      datum: '30 juni 2025',
      ondertekenaars: ['M.A. van der Linden', 'F.M. Weerwind'],
    });
    const text = pdf.pages.map((p) => p.text).join('\n').replace(/\n/g, ' ');
    expect(text).toContain('mede namens de minister van Justitie en Veiligheid en de minister van Onderwijs, Cultuur en Wetenschap');
    // Stacked: each function line is a line of its own.
    expect(pdf.pages.at(-1)!.text).toMatch(/^De Staatssecretaris van Volksgezondheid, Welzijn en Sport,$/m);
  });

  it('kamervragen: cover letter with the formula and the note, answers numbered in the bijlage', async () => {
    const pdf = await buildType('kamervragen');
    assertKamerbrief(pdf, {
      onzeReferentie: '3045678',
      betreft: 'Antwoorden Kamervragen over ex-partnergeweld',
      datum: '15 oktober 2020',
      ondertekenaars: ['De Minister voor Rechtsbescherming,', 'S. Dekker'],
    });
    const p1 = pdf.pages[0]!.text;
    expect(p1.replace(/\n/g, ' ')).toContain(
      'In antwoord op uw brief van 24 september 2020 deel ik u, mede namens de staatssecretaris van Volksgezondheid, Welzijn en Sport, mee dat de schriftelijke vragen van het lid Buitenweg (GroenLinks) over ex- partnergeweld worden beantwoord',
    );
    expect(p1.replace(/\n/g, ' ')).toContain('Bij beantwoording de datum en ons kenmerk vermelden. Wilt u slechts één zaak in uw brief behandelen.');
    expect(p1).toMatch(/Uw referentie\n2020Z15904/);
    expect(p1).toMatch(/Bijlage\(n\)\n1/);
    const p2 = pdf.pages[1]!.text;
    expect(p2.replace(/\n/g, ' ')).toMatch(/^Antwoorden van de minister voor Rechtsbescherming en de staatssecretaris van Volksgezondheid, Welzijn en Sport op de schriftelijke vragen van het lid Buitenweg \(GroenLinks\) over ex-partnergeweld \(ingezonden 9 september 2020, 2020Z15904\)/);
    expect(p2).not.toContain('Bijlage 1.');
    const koppen = p2.split('\n').filter((l) => /^(Vraag|Antwoord) \d+$/.test(l));
    expect(koppen).toEqual(['Vraag 1', 'Antwoord 1', 'Vraag 2', 'Antwoord 2', 'Vraag 3', 'Antwoord 3']);
    const notes = footnotes(pdf.pages[1]!);
    expect(notes.map((n) => n.n)).toEqual([1, 2, 3]);
    expect(notes[0]!.text).toMatch(/^Website CBS, zie: https:\/\/opendata\.cbs\.nl/);
    expect(notes[1]!.text).toBe('Zie voetnoot 1.');
  });

  it('verzamelbrief: a list of topics, bold-italic topic headings and numbered questions', async () => {
    const pdf = await buildType('verzamelbrief');
    assertKamerbrief(pdf, {
      onzeReferentie: '5896071',
      betreft: 'Verzamelbrief naar aanleiding van het commissiedebat Zeden en (on)veiligheid van vrouwen',
      datum: '19 november 2024',
      ondertekenaars: ['I. Coenradie', 'V. Maeijer'],
    });
    const lines = pdf.pages[0]!.lines.map((l) => l.str);
    // The list of topics follows the opening sentence; the headings repeat the topics, unnumbered.
    const lijst = lines.indexOf('volgende onderwerpen:') + 1;
    expect(lijst).toBeGreaterThan(0);
    expect(lines.slice(lijst, lijst + 3)).toEqual([
      'Eerste reactie inzake een centraal meldpunt femicide',
      'Nader antwoord op vragen van het lid Van Nispen over contactverboden',
      'Eerste reactie inzake een centraal meldpunt femicide',
    ]);
    expect(lines.filter((l) => l === 'Nader antwoord op vragen van het lid Van Nispen over contactverboden')).toHaveLength(2);
    expect(lines).toContain('Stand van zaken');
    const text = pdf.pages.map((p) => p.text).join('\n');
    expect(text).toMatch(/^1\. Krijgt een slachtoffer altijd een bewijs mee/m);
    expect(text).toMatch(/^2\. Heeft de politie een centraal systeem/m);
    expect(notesOf(pdf).flat()).toEqual([1, 2]);
  });

  it('kamerstuk: the parliamentary print, with a running header on following pages and no colofon', async () => {
    const pdf = await buildType('kamerstuk');
    expect(pdf.pages.length).toBe(2);
    const p1 = pdf.pages[0]!.text;
    expect(p1).toMatch(/^Tweede Kamer der Staten-Generaal\nVergaderjaar 2024–2025\n28 345 Aanpak huiselijk geweld\nNr\. 285 BRIEF VAN DE STAATSSECRETARISSEN VAN JUSTITIE EN/);
    expect(p1).toContain('Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 10 juli 2025');
    for (const page of pdf.pages) {
      expect(page.text).not.toMatch(/Onze referentie|Retouradres|Pagina \d/);
    }
    expect(p1).not.toContain('Tweede Kamer, vergaderjaar');
    expect(pdf.pages[1]!.lines[0]!.str).toBe('Tweede Kamer, vergaderjaar 2024–2025, 28 345, nr. 285 2');
    expect(notesOf(pdf)).toEqual([[1], [2]]);
    // Side by side: both function lines start on one line, across the wide text block.
    expect(pdf.pages[1]!.text).toMatch(/^De staatssecretaris van Justitie en Veiligheid,\s*De staatssecretaris van Volksgezondheid, Welzijn en$/m);
    expect(pdf.pages[1]!.text).toMatch(/^I\. Coenradie\s*V\. Maeijer$/m);
  });

  it('eerste-kamer: letter code, the afschrift formula and the toezegging with its Handelingen footnote', async () => {
    const pdf = await buildType('eerste-kamer');
    const text = pdf.pages[0]!.text;
    expect(text).toMatch(/^Eerste Kamer der Staten-Generaal\nVergaderjaar 2023–2024\n36 123 Wijziging van de Wet/);
    expect(text).toMatch(/^C BRIEF VAN DE STAATSSECRETARIS VAN VOLKSGEZONDHEID, WELZIJN EN SPORT EN DE MINISTER$/m);
    expect(text).toContain('Aan de Voorzitter van de Eerste Kamer der Staten-Generaal');
    expect(text.replace(/\n/g, ' ')).toContain(
      'Hierbij doen wij u een afschrift van de Tweede Kamerbrief Voortgang aanpak huiselijk geweld en kindermishandeling toekomen.',
    );
    expect(text.replace(/\n/g, ' ')).toMatch(/tijdens het debat over het wetsvoorstel Wet maatschappelijke ondersteuning 2015 van 14 februari 20231 af\./);
    expect(footnotes(pdf.pages[0]!)).toEqual([expect.objectContaining({ n: 1, text: 'Handelingen I, vergaderjaar 2022-2023, nr. 20, item 9.' })]);
    expect(text).not.toMatch(/Pagina|Onze referentie/);
  });
});
