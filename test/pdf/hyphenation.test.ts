import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { inject } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/build-fixture.js';
import { bodyLines } from '../helpers/layout-invariants.js';
import { readPdf } from '../helpers/read-pdf.js';

/** Optional Dutch hyphenation (afbreken: true), read from the PDF's lines. */
async function lines(afbreken: boolean): Promise<string[]> {
  const result = await build({ dir: path.join(FIXTURES, 'afbreken'), out: tempDir('vb-out-'), overrides: { afbreken }, browserWSEndpoint: inject('browserWSEndpoint') });
  const pdf = await readPdf(result.documents[0]!.pdf);
  return pdf.pages.flatMap((p) => bodyLines(p).map((l) => l.str));
}

describe('hyphenation', () => {
  it('breaks long Dutch words at their syllables with afbreken: true, the same way every time', async () => {
    const on = await lines(true);
    const broken = on.filter((l) => /\p{L}[-\u00ad]$/u.test(l));
    expect(broken.length, on.join('\n')).toBeGreaterThan(0);
    // Each break is at a Dutch syllable boundary the patterns know.
    for (const l of broken) expect(l).not.toMatch(/\s\p{L}[-\u00ad]$/u);
    expect(await lines(true)).toEqual(on);
  });

  it('is off by default: the letter stays ragged right with whole words', async () => {
    const off = await lines(false);
    expect(off.filter((l) => /\p{L}[-\u00ad]$/u.test(l))).toEqual([]);
    expect(off.join(' ')).toContain('arbeidsongeschiktheidsverzekering');
  });
});
