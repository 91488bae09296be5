import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertKamerbrief } from '../helpers/assert-kamerbrief.js';
import { buildWithSharedBrowser, FIXTURES, tempDir } from '../helpers/build-fixture.js';
import { footnotes, inTextColumn, readPdf } from '../helpers/read-pdf.js';

const ZIN = 'De aanpak van huiselijk geweld vraagt om samenwerking tussen gemeenten, Veilig Thuis, politie en zorg.';

/** A long letter with many footnotes of mixed length, some paragraphs dense with calls. */
function writeLongLetter(dir: string): number {
  cpSync(path.join(FIXTURES, 'minimal', 'brief.md'), path.join(dir, 'brief.md'));
  mkdirSync(path.join(dir, 'secties'));
  mkdirSync(path.join(dir, 'bijlagen'));
  let notes = 1; // brief.md has one
  for (let s = 1; s <= 4; s++) {
    const parts = [`---\ntitel: Onderwerp ${s}\n---\n`];
    const defs: string[] = [];
    for (let p = 1; p <= 8; p++) {
      const calls = (p % 3) + 1;
      let text = `# Paragraaf ${s}.${p}\n\n`;
      for (let c = 1; c <= calls; c++) {
        const id = `n${p}-${c}`;
        text += `${ZIN.repeat(1 + ((p + c) % 3))}[^${id}] `;
        const long = (p * c) % 5 === 0 ? ` ${'Zie ook de toelichting bij het wetsvoorstel en de memorie van antwoord. '.repeat(3)}` : '';
        defs.push(`[^${id}]: Kamerstukken II, 2024-2025, 29279, nr. ${800 + s * 20 + p * 2 + c}.${long}`);
        notes++;
      }
      parts.push(`${text}\n`);
    }
    parts.push(defs.join('\n'));
    writeFileSync(path.join(dir, 'secties', `0${s}.md`), parts.join('\n'));
  }
  writeFileSync(
    path.join(dir, 'bijlagen', '01.md'),
    `---\ntitel: Overzicht\ninhoudsopgave: true\n---\n# Eerste\n\n${ZIN}[^b1]\n\n# Tweede\n\n${ZIN.repeat(4)}[^b2]\n\n[^b1]: Stcrt, 2024, 4318.\n[^b2]: Handelingen I, vergaderjaar 2022-2023, nr. 20, item 9.\n`,
  );
  return notes + 2;
}

describe('a long letter with many footnotes', () => {
  it('keeps every footnote on the page of its call, numbered 1..N', async () => {
    const dir = tempDir('vb-long-');
    const expected = writeLongLetter(dir);
    const result = await buildWithSharedBrowser(dir);
    const pdf = await readPdf(result.documents[0]!.pdf);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(5);
    assertKamerbrief(pdf, {
      onzeReferentie: '5896071',
      betreft: 'Verzamelbrief zeden en veiligheid van vrouwen',
      datum: '19 november 2024',
      ondertekenaars: ['I. Coenradie'],
    });
    const numbers = pdf.pages.flatMap((p) => footnotes(p).map((n) => n.n));
    expect(numbers).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
  });
});

/** A section of `rows` table rows, each calling a note of `noteWords` words, or one paragraph of `calls` calls. */
function manyNotes(dir: string, kind: 'table' | 'paragraph', count: number, noteWords: number): void {
  cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
  const note = (i: number) => `[^m${i}]: Kamerstukken II, 2024-2025, 29279, nr. ${i}.${' Zie ook het rapport van de inspectie.'.repeat(noteWords)}`;
  const body =
    kind === 'table'
      ? ['| Nr | Maatregel | Stand |', '|---:|---|---|', ...Array.from({ length: count }, (_, i) => `| ${i + 1} | Maatregel ${i + 1}[^m${i + 1}] | lopend |`)].join('\n')
      : Array.from({ length: count }, (_, i) => `Zin ${i + 1} met een bron.[^m${i + 1}]`).join(' ');
  const notes = Array.from({ length: count }, (_, i) => note(i + 1)).join('\n');
  writeFileSync(path.join(dir, 'secties', '02-noten.md'), `---\ntitel: Veel noten\n---\n${body}\n\n${notes}\n`);
}

/**
 * Many short notes on one page (a register table that cites a Kamerstuk in every row)
 * together take more than half the page. That once counted as one long note: the text
 * ran to its last call, and most notes went to later pages, away from their calls.
 */
describe('many short footnotes on a page', () => {
  const expectation = { onzeReferentie: '5896071', betreft: 'Verzamelbrief zeden en veiligheid van vrouwen', datum: '19 november 2024', ondertekenaars: ['I. Coenradie'] };
  for (const [kind, count, words] of [['table', 40, 1], ['paragraph', 60, 0]] as const) {
    it(`keeps each note of a ${kind} with ${count} calls on its call's page`, async () => {
      const dir = tempDir('vb-notes-');
      manyNotes(dir, kind, count, words);
      const pdf = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);
      assertKamerbrief(pdf, expectation);
      // The minimal letter's own notes come first.
      const numbers = pdf.pages.flatMap((p) => footnotes(p).map((n) => n.n));
      expect(numbers.length).toBeGreaterThan(count);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    });
  }

  it('gives the text all the room the notes leave, within a row or two', async () => {
    const dir = tempDir('vb-notes-');
    manyNotes(dir, 'table', 40, 0);
    const pdf = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);
    const last = pdf.pages.findIndex((p) => p.text.includes('Maatregel 40'));
    expect(last).toBeGreaterThan(0);
    for (const page of pdf.pages.slice(0, last)) {
      const topNote = Math.max(...footnotes(page).map((n) => n.y));
      // The lowest line of the text column: body text and the table's 8.5 pt cells.
      const textBottom = Math.min(...page.lines.filter((l) => inTextColumn(page, l.x) && l.size >= 8).map((l) => l.y));
      // The rule above the notes and its margins take ~35 pt; a row is ~20 pt.
      expect(textBottom - topNote, `page ${page.number}`).toBeLessThan(90);
    }
  });
});

describe('a footnote called in the header of a long table', () => {
  it('stands once, at the foot of the page where the table starts, though the header repeats', async () => {
    const dir = tempDir('vb-notes-');
    cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
    const rows = Array.from({ length: 120 }, (_, i) => `| ${i + 1} | Maatregel ${i + 1} |`).join('\n');
    writeFileSync(path.join(dir, 'secties', '02-tabel.md'), `---\ntitel: Tabel\n---\n| Nr | Maatregel[^kop] |\n|---:|---|\n${rows}\n\n[^kop]: KOPNOOT bij de kolom.\n`);
    const pdf = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);
    const withRows = pdf.pages.filter((p) => /Maatregel \d/.test(p.text));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    const withNote = pdf.pages.filter((p) => footnotes(p).some((n) => n.text.startsWith('KOPNOOT')));
    expect(withNote.map((p) => p.number)).toEqual([withRows[0]!.number]);
  });
});
