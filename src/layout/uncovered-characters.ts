import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SectionSource } from '../model/build-letter-model.js';

/** Each file reports at most this many characters; one is enough to act on. */
const PER_FILE = 10;
/* Characters that are not drawn with a glyph of their own: controls, spaces, joiners,
   variation selectors, the soft hyphen and the byte order mark. */
function invisible(ch: string, code: number): boolean {
  return /[\p{Cc}\p{Zs}]/u.test(ch) || code === 0xad || (code >= 0x200b && code <= 0x200f) || code === 0x2028 || code === 0x2029 || code === 0x2060 || (code >= 0xfe00 && code <= 0xfe0f) || code === 0xfeff;
}

/**
 * The characters of the author's text that none of the letter's fonts has, at their
 * first place in each file: Chromium would draw them with a font of the machine, so
 * the PDF would depend on where it was made. (With --strict, warnings are errors.)
 */
export function uncoveredCharacters(sources: readonly SectionSource[], covers: (code: number) => boolean, fonts: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const source of sources) {
    const seen = new Set<number>();
    const lines = source.body.split('\n');
    for (let i = 0; i < lines.length && seen.size < PER_FILE; i++) {
      const line = lines[i] ?? '';
      // By code point in an index loop: a string's iterator is slow on a cold start (most
      // characters are ASCII, which every font has).
      for (let at = 0; at < line.length; at++) {
        const code = line.codePointAt(at) ?? 0;
        const column = at + 1;
        if (code > 0xffff) at++;
        if (code < 0x80 || seen.has(code)) continue;
        const ch = String.fromCodePoint(code);
        if (!invisible(ch, code) && !covers(code)) {
          seen.add(code);
          out.push({
            file: source.file,
            line: source.bodyLine + i,
            column,
            severity: 'warning',
            message: `the character "${ch}" (U+${code.toString(16).toUpperCase().padStart(4, '0')}) is in none of the letter's fonts (${fonts}); the PDF would show it in a font of this machine`,
            hint: 'use another character, write it out in words, or give the project a font that has it (lettertype in brief.md)',
          });
          if (seen.size >= PER_FILE) break;
        }
      }
    }
  }
  return out;
}
