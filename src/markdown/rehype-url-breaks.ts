import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

const URL_TEXT = /^(https?:\/\/|www\.)\S+$/;

/* A part longer than this also breaks after its hyphens: it would not fit a line of the
   text column anyway (~70 characters of 9.5 pt), and as one unbreakable piece it ran out of
   the column (the last part of a rijksoverheid.nl address of a Kamerstuk is often that
   long); a hyphen at the end of a line is the lesser evil. In a table cell a URL breaks
   where it must (style.css). */
const LONG_PART = 60;

/**
 * A URL written out as a link breaks only after a "/" or a ".", not at one of its own
 * hyphens, where it would read as a hyphenated word (but see LONG_PART): its parts between those places
 * do not wrap, and a <wbr> between them allows the break. Nothing is added to the text,
 * so a URL copied from the PDF or the HTML is the URL.
 */
export function rehypeUrlBreaks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a' || node.children.length !== 1) return;
      const only = node.children[0];
      if (only?.type !== 'text' || !URL_TEXT.test(only.value)) return;
      const parts = only.value.split(/(?<=[/.])(?=[^/.])/).flatMap((part) => (part.length > LONG_PART ? part.split(/(?<=-)(?=[^-])/) : [part]));
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
