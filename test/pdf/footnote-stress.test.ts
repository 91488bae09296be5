import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertKamerbrief } from '../helpers/assert-kamerbrief.js';
import { buildWithSharedBrowser, FIXTURES, tempDir } from '../helpers/build-fixture.js';
import { footnotes, readPdf } from '../helpers/read-pdf.js';

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
