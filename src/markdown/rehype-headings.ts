import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface HeadingOptions {
  /** Prefix "a.", "b.", … to the first heading level of a section. */
  letters: boolean;
  /** Unique prefix for heading ids within the document, e.g. "s2" or "b1". */
  idPrefix: string;
  /** Filled with the lettered headings, for a bijlage's contents list. */
  collected: CollectedHeading[];
}

export interface CollectedHeading {
  id: string;
  nummer: string;
  tekst: string;
}

/**
 * A section's title is the letter's heading level 2 (rendered by the template), so
 * Markdown headings inside a section move down: "#" becomes h3 ("a.", "b.", … as in
 * the seed letters) and "##" becomes h4 (unnumbered).
 */
export function rehypeHeadings(options: HeadingOptions) {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (node: Element) => {
      const m = /^h([1-6])$/.exec(node.tagName);
      if (!m) return;
      const depth = Math.min(6, Number(m[1]) + 2);
      node.tagName = `h${depth}`;
      if (depth !== 3) return;
      const nummer = letterFor(count++);
      const id = `${options.idPrefix}-${nummer}`;
      node.properties = { ...node.properties, id };
      options.collected.push({ id, nummer, tekst: toString(node) });
      if (options.letters) {
        // Plain text, not a span: Chromium drops inline elements from the PDF outline's titles.
        node.children.unshift({ type: 'text', value: `${nummer}. ` });
      }
    });
  };
}

/** 0 → a, 25 → z, 26 → aa: lettering never runs out. */
export function letterFor(index: number): string {
  let s = '';
  let i = index;
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}
