import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertKamerbrief } from '../helpers/assert-kamerbrief.js';
import { buildWithSharedBrowser, copyFixture } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';

describe('a letter with records', () => {
  it('follows one record: a new status changes the appendix and nothing else', async () => {
    const dir = copyFixture('register');
    const before = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);
    assertKamerbrief(before, {
      onzeReferentie: '5896071',
      betreft: 'Verzamelbrief zeden en veiligheid van vrouwen',
      datum: '19 november 2024',
      ondertekenaars: ['I. Coenradie'],
    });

    const moties = path.join(dir, 'data', 'moties.yaml');
    const yaml = readFileSync(moties, 'utf8');
    const changed = yaml.replace(/(id: motie-889[\s\S]*?status: )openstaand/, '$1deels voldaan');
    expect(changed).not.toBe(yaml);
    writeFileSync(moties, changed);
    const after = await readPdf((await buildWithSharedBrowser(dir)).documents[0]!.pdf);

    expect(after.pages.length).toBe(before.pages.length);
    const bijlage = before.pages.findIndex((p) => p.text.includes('Bijlage 1. Overige moties en toezeggingen'));
    expect(bijlage).toBeGreaterThan(0);
    for (let i = 0; i < bijlage; i++) expect(after.pages[i]!.text, `page ${i + 1}`).toBe(before.pages[i]!.text);
    // Table cells wrap independently, so compare the words of the appendix page.
    const words = (t: string) => t.split(/\s+/).filter(Boolean).sort();
    const oud = words(before.pages[bijlage]!.items.map((i) => i.str).join(" "));
    const nieuw = words(after.pages[bijlage]!.items.map((i) => i.str).join(" "));
    expect(oud).toContain('openstaand;');
    const expected = [...oud];
    expected.splice(expected.indexOf('openstaand;'), 1, 'deels', 'voldaan;');
    // Exactly one status changed; the open toezegging keeps its "openstaand;".
    expect(nieuw).toEqual(expected.sort());
  });
});
