import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

const URL_TEXT = /^(https?:\/\/|www\.)\S+$/;

/**
 * A URL written out as a link breaks only after a "/" or a ".", never at one of its own
 * hyphens, where it would read as a hyphenated word: its parts between those places
 * do not wrap, and a <wbr> between them allows the break. Nothing is added to the text,
 * so a URL copied from the PDF or the HTML is the URL.
 */
export function rehypeUrlBreaks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || node.children.length !== 1) return;
      const only = node.children[0];
      if (only?.type !== 'text' || !URL_TEXT.test(only.value)) return;
      const parts = only.value.split(/(?<=[/.])(?=[^/.])/);
      if (parts.length < 2) return;
      const children: ElementContent[] = [];
      parts.forEach((part, i) => {
        if (i > 0) children.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
        children.push({ type: 'element', tagName: 'span', properties: { className: ['vb-url-deel'] }, children: [{ type: 'text', value: part }] });
      });
      node.children = children;
    });
  };
}
