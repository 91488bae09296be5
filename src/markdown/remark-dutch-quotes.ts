import type { InlineCode, Parent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { curlQuotes } from '../format/curl-quotes.js';

/**
 * Dutch typesetting in the Markdown: ‘…’ and “…”, and ’ for the apostrophe (regio’s), by
 * curlQuotes (format/curl-quotes.ts). Only quotes change (one character for one, so the text can be put
 * back node by node); dashes and dots stay as typed. Each paragraph, heading or table
 * cell is read as one text, so a quote before a link or emphasis pairs with the one after
 * it; code and raw HTML are stand-ins of the same length that are never changed, and
 * URLs are not text. Blocks without a straight quote are not parsed at all: retext costs.
 */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const QUOTE = /['"]/;

export function remarkDutchQuotes() {
  return (tree: Root) => {
    visit(tree, (node) => BLOCKS.has(node.type), (block) => {
      const pieces: (Text | InlineCode | { type: 'other'; value: string })[] = [];
      collect(block as Parent, pieces);
      const text = pieces.map((p) => (p.type === 'text' ? p.value : 'A'.repeat(p.value.length))).join('');
      if (!pieces.some((p) => p.type === 'text' && QUOTE.test(p.value))) return SKIP;
      const curled = curlQuotes(text);
      if (curled.length !== text.length) return SKIP;
      let at = 0;
      for (const p of pieces) {
        if (p.type === 'text') p.value = curled.slice(at, at + p.value.length);
        at += p.value.length;
      }
      return SKIP;
    });
  };
}

function collect(parent: Parent, into: (Text | InlineCode | { type: 'other'; value: string })[]): void {
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'text' || child.type === 'inlineCode') into.push(child);
    else if ('value' in child && typeof child.value === 'string') into.push({ type: 'other', value: child.value });
    else if ('children' in child) collect(child as Parent, into);
  }
}
