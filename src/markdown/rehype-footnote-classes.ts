import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Normalises the classes of footnote spans: a real note keeps "footnote" plus a
 * per-note class (vbfn-n, which the page runner gives its call as well, so a layout
 * can style one note). Raw HTML that imitates a note without a number loses the
 * class and stays inline text: the page runner moves only numbered notes.
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
