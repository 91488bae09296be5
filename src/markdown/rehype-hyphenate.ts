import { createRequire } from 'node:module';
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** The part of `hyphen/nl` (a CommonJS module without types) that is used here. */
interface HyphenNl {
  hyphenateSync(text: string, options?: { minWordLength?: number }): string;
}

/* Loaded on first use: most letters are ragged right and never need the patterns. */
let hyphenNl: HyphenNl | undefined;
function dutch(): HyphenNl {
  hyphenNl ??= createRequire(import.meta.url)('hyphen/nl') as HyphenNl;
  return hyphenNl;
}

/** Text that is not prose, or that a reader must see whole. */
const KEEP_WHOLE = new Set(['code', 'pre', 'kbd', 'samp', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'svg', 'script', 'style', 'a']);

/**
 * Dutch hyphenation (`afbreken: true`): soft hyphens from the TeX patterns for Dutch of the
 * `hyphen` package, so that Chromium (which has no hyphenation dictionaries here) may break
 * a long word at a line's end. The same text gives the same hyphens on every machine.
 * Headings, code and links are left whole; words shorter than seven letters too.
 */
export function rehypeHyphenate() {
  return (tree: Root) => {
    const { hyphenateSync } = dutch();
    visit(tree, (node, _index, parent) => {
      if (node.type === 'element' && KEEP_WHOLE.has((node as Element).tagName)) return SKIP;
      if (node.type === 'text' && parent) node.value = hyphenateSync(node.value, { minWordLength: 7 });
      return undefined;
    });
  };
}
