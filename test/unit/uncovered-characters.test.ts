import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uncoveredCharacters } from '../../src/layout/uncovered-characters.js';
import type { SectionSource } from '../../src/model/build-letter-model.js';

const source = (body: string): SectionSource => ({ file: 'secties/01.md', body, bodyLine: 3, meta: { titel: 'x' } }) as unknown as SectionSource;

// Which characters the fonts have: ASCII, Latin-1 letters and ’ — not ✓, 中, 𝑥 or a lone surrogate.
const covers = (code: number) => code < 0x100 || code === 0x2019;

/** Where each character first stands, read the plain way: by the string's iterator. */
function expected(body: string): { line: number; column: number; ch: string }[] {
  const out: { line: number; column: number; ch: string }[] = [];
  const seen = new Set<number>();
  body.split('\n').forEach((line, i) => {
    let column = 1;
    for (const ch of line) {
      const code = ch.codePointAt(0)!;
      if (seen.size < 10 && code >= 0x80 && !seen.has(code) && !/[\p{Cc}\p{Zs}]/u.test(ch) && code !== 0xad && !covers(code)) {
        seen.add(code);
        out.push({ line: 3 + i, column, ch });
      }
      column += ch.length;
    }
  });
  return out;
}

describe('characters that no font of the letter has', () => {
  it('are reported at their first line and column, counted in UTF-16 units after astral characters', () => {
    const warnings = uncoveredCharacters([source('Het 𝑥-getal ✓ en ✓\nregio’s 中 𝑥 ✓')], covers, 'Fira Sans');
    expect(warnings.map((w) => [w.line, w.column, /"(.+)"/u.exec(w.message)?.[1]])).toEqual([
      [3, 5, '𝑥'],
      [3, 14, '✓'],
      [4, 9, '中'],
    ]);
  });

  it('agree with a reading by the string iterator, for any text', () => {
    const pieces = ['a', ' ', 'é', '’', '✓', '中', '𝑥', '\n', '\uD835', '\uDC65', '\u00a0', '\u00ad'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const body = parts.join('');
        const got = uncoveredCharacters([source(body)], covers, 'Fira Sans').map((w) => ({ line: w.line, column: w.column, ch: /"(.+)"/su.exec(w.message)?.[1] }));
        expect(got).toEqual(expected(body));
      }),
      { numRuns: 2000 },
    );
  });
});
