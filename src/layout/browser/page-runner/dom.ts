/* Small DOM questions every part of the runner asks. */

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node | null | undefined): node is Text {
  return !!node && node.nodeType === TEXT_NODE;
}

/** A point in the document, as a Range boundary. */
export interface Boundary {
  node: Node;
  offset: number;
}

export function indexOf(node: Node): number {
  let i = 0;
  let n: Node | null = node;
  while ((n = n.previousSibling)) i++;
  return i;
}

/** Marks a table header repeated on a later page: its footnote calls show their number
    there again, but their notes stand once, on the page of the header itself. */
export const REPEATED = 'data-vb-herhaald';

/** The footnote calls that bring their note onto the page they stand on. */
export const CALLS = '[data-footnote-call]:not([' + REPEATED + '] *)';

/** Marks an element that starts a new page, by its own CSS or by the one before it. */
export const FORCED_BREAK = 'data-vb-breek-voor';

/** Whether two elements are copies of one element of the flow (cut at a page break). */
export function sameElement(a: Node | null | undefined, b: Node | null | undefined): boolean {
  if (!isElement(a) || !isElement(b)) return false;
  const id = a.getAttribute('data-vb-id');
  return id !== null && id === b.getAttribute('data-vb-id');
}

export const BLOCKS = /^(P|LI|TR|H[1-6]|FIGURE|TABLE|PRE|BLOCKQUOTE|DT|DD|DIV|SECTION|ARTICLE|UL|OL|DL|HR|ADDRESS|HEADER|FOOTER|ASIDE|NAV|MAIN)$/;

/** Whether anything visible is left: text, or an element that shows without text. */
export function hasContent(node: Node): boolean {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let n: Node | null;
  while ((n = walker.nextNode())) {
    if (isText(n)) {
      if (n.data.trim() !== '') return true;
    } else if (isElement(n) && (/^(IMG|SVG|HR|TABLE|FIGURE)$/i.test(n.tagName) || n.hasAttribute('data-footnote-call'))) {
      return true;
    }
  }
  return false;
}

/** The same for a stretch of the document, such as what lies before a break. */
export function hasContentIn(range: Range): boolean {
  return hasContent(range.cloneContents());
}

/** The geometry of the part an element of the flow stands in: its top-level element's data-vb-opmaak. */
export function opmaakOfElement(flow: DocumentFragment, el: Element): string | null {
  let top: Element = el;
  while (top.parentNode && top.parentNode !== flow && top.parentElement) top = top.parentElement;
  const opmaak = top.getAttribute('data-vb-opmaak');
  return opmaak && /^[a-z]+$/.test(opmaak) ? opmaak : null;
}
