import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { LITERAL_AUTOLINK, remarkWithoutLiteralAutolinks } from '../../src/markdown/render-markdown.js';

const withLiterals = unified().use(remarkParse).use(remarkGfm);
const without = (text: string) => unified().use(remarkParse).use(remarkGfm).use(remarkWithoutLiteralAutolinks, { text });

// Pieces of text near the edge of a literal autolink: parts of www., http://, mailto:
// and e-mail addresses, Markdown around them, Dutch words, and the character references
// and backslash escapes that put an @ or a dot into the text without showing it.
const PIECES = ['www', 'WWW', 'ww.', 'http', 'https', ':', '/', '//', '.', 'nl', 'rijksoverheid', 'mailto', '@', 'a', '_', '-', ' ', '\n', '\n\n', '*', '[', ']', '(', ')', '<', '>', '`', '|', '~', 'regio’s', '2025', 'x.y', '^[noot]', 'Kamerstukken II', '&#64;', '&commat;', '&period;', '&#x2F;', '&amp;', '\\', '\\.', '\\@', '\\/', 'xmpp:'];

describe('leaving GFM literal autolinks out of a text that cannot have one', () => {
  it('gives the same tree as GFM with them, for any text without their starts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        fc.pre(!LITERAL_AUTOLINK.test(text));
        expect(without(text).parse(text)).toEqual(withLiterals.parse(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('still links an address that a character reference or an escape hides from the source', () => {
    for (const text of ['mail info&#64;minvws.nl', 'zie www\\.rijksoverheid.nl', 'op https&#58;//www&period;cbs.nl']) {
      expect(LITERAL_AUTOLINK.test(text)).toBe(false);
      expect(JSON.stringify(withLiterals.parse(text))).toContain('"type":"link"');
      expect(without(text).parse(text)).toEqual(withLiterals.parse(text));
    }
  });

  it('is never chosen for a text with an autolink in it', () => {
    const texts = ['zie www.rijksoverheid.nl', 'zie WWW.rijksoverheid.nl.', 'op https://www.cbs.nl/cijfers', 'HTTP://x.nl', 'mail info@minvws.nl', 'mailto:a@b.nl'];
    for (const text of texts) {
      expect(LITERAL_AUTOLINK.test(text)).toBe(true);
      expect(JSON.stringify(withLiterals.parse(text))).toContain('"type":"link"');
    }
  });
});
