import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { check } from '../../src/check.js';
import { buildWithSharedBrowser, FIXTURES, tempDir } from '../helpers/build-fixture.js';
import { readPdf } from '../helpers/read-pdf.js';
import { inject } from 'vitest';

/** The fonts of a PDF as poppler's pdffonts lists them: name (without subset tag) and "emb". */
function pdffonts(file: string): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: cols.at(-5) === 'yes' };
    });
}

describe('characters the letter font lacks', () => {
  it('come from the bundled Noto faces, and the PDF embeds no font of the machine', async () => {
    const result = await buildWithSharedBrowser(path.join(FIXTURES, 'symbolen'));
    const file = result.documents[0]!.pdf;
    const fonts = pdffonts(file);
    expect(fonts.map((f) => f.name)).toEqual(expect.arrayContaining(['NotoSansMath-Regular']));
    for (const f of fonts) {
      expect(f.name).toMatch(/^(FiraSans|NotoSansMath|NotoSansSymbols2)-/);
      expect(f.embedded, f.name).toBe(true);
    }
    const text = (await readPdf(file)).pages.map((p) => p.text).join('\n');
    for (const ch of ['≥', '→', '✓', 'α', 'Ω', '∑', '≤', '√', '≠']) expect(text).toContain(ch);
    expect(result.warnings.filter((w) => /none of the letter's fonts/.test(w.message))).toEqual([]);
  });

  it('a character no bundled font has is a warning at its place, and an error with --strict', async () => {
    const dir = path.join(FIXTURES, 'symbolen-onbekend');
    const warning = check({ dir }).warnings.find((w) => /none of the letter's fonts/.test(w.message));
    expect(warning).toMatchObject({ file: path.join(dir, 'secties/01-tekens.md'), line: 6, column: 14, severity: 'warning' });
    expect(warning!.message).toContain('U+1F99C');
    expect(warning!.hint).toMatch(/lettertype/);
    const out = tempDir('vb-out-');
    await expect(build({ dir, out, strict: true, browserWSEndpoint: inject('browserWSEndpoint') })).rejects.toBeInstanceOf(InputError);
  });
});
