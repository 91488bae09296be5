import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Paged.js copies a note's classes, and only its classes, onto the call it creates;
 * a per-note class is how the call learns its number (see footnote-css.ts). Raw
 * HTML that imitates a note without a number loses the class and stays inline text.
 */
export function rehypeFootnoteClasses() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const classes = node.properties.className;
      if (node.tagName !== 'span' || !Array.isArray(classes) || !classes.includes('footnote')) return;
      const n = node.properties.dataFootnote;
      if (typeof n !== 'number' && typeof n !== 'string') {
        node.properties.className = classes.filter((c) => c !== 'footnote');
        return;
      }
      node.properties.className = ['footnote', `vbfn-${n}`];
    });
  };
}
