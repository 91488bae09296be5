/*
 * Where Chromium broke the page's box (the first thing laid out in the second column),
 * the footnote calls above that break, and the marks on the parts of a cut element.
 */
import { BLOCKS, CALLS, FORCED_BREAK, REPEATED, hasContentIn, indexOf, isElement, isText, sameElement, type Boundary } from './dom.js';

interface Columns {
  left: number;
  width: number;
}

/* The column a rectangle lies in: 0 is the page, 1 and further are overflow. */
function column(rect: DOMRect, box: Columns): number {
  return Math.floor((rect.left - box.left + 1) / box.width);
}

function columnsOf(box: Element): Columns {
  const area = box.getBoundingClientRect();
  return { left: area.left, width: area.width };
}

/** The first point of the box's content that Chromium laid out beyond the first
    column, as a Range boundary, or null when everything fits. */
export function findBreak(box: Element): Boundary | null {
  return breakIn(box, columnsOf(box));
}

/** The same within one element of the box (a table cell): null when all of it fits. */
export function breakWithin(el: Element, box: Element): Boundary | null {
  return breakIn(el, columnsOf(box));
}

function breakIn(parent: Node, g: Columns): Boundary | null {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (isText(child)) {
      const at = breakInText(child, g);
      if (at) return at;
      continue;
    }
    // A table's columns (table-columns.ts) span all its rows: they say nothing of the break.
    if (!isElement(child) || child.tagName === 'COLGROUP') continue;
    const rects = child.getClientRects();
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) continue;
    if (column(first, g) >= 1) return { node: parent, offset: indexOf(child) };
    if (column(last, g) >= 1) {
      const inner = breakIn(child, g);
      if (inner) return inner;
      // Nothing inside starts in the next column (an element too tall for any page):
      // the break goes after it.
      return { node: parent, offset: indexOf(child) + 1 };
    }
  }
  return null;
}

function breakInText(text: Text, g: Columns): Boundary | null {
  if (!text.data.trim()) return null;
  const r = document.createRange();
  r.selectNodeContents(text);
  const rects = r.getClientRects();
  const last = rects[rects.length - 1];
  if (!last || column(last, g) < 1) return null;
  // The first character laid out in the next column: a binary search over offsets.
  let lo = 0;
  let hi = text.data.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    r.setStart(text, mid);
    r.setEnd(text, mid + 1);
    const cr = r.getClientRects();
    const at = cr[cr.length - 1];
    const c = at ? column(at, g) : 0;
    if (c >= 1) hi = mid;
    else lo = mid + 1;
  }
  return { node: text, offset: lo };
}

/** Footnote calls laid out in the page's own column, in text order. */
export function callsOnPage(box: Element): string[] {
  const g = columnsOf(box);
  const calls: string[] = [];
  box.querySelectorAll(CALLS).forEach((a) => {
    const first = a.getClientRects()[0];
    if (first && column(first, g) < 1) calls.push(a.getAttribute('data-footnote-call') ?? '');
  });
  return calls;
}

export function startsWithForcedBreak(flow: ParentNode): boolean {
  let el = flow.firstElementChild;
  while (el) {
    if (el.hasAttribute(FORCED_BREAK)) return true;
    el = el.firstElementChild;
  }
  return false;
}

/** A page must take something, or a box too tall for any page would never be placed. */
export function atLeastSomething(box: HTMLElement, at: Boundary): Boundary {
  const before = document.createRange();
  before.setStart(box, 0);
  before.setEnd(at.node, at.offset);
  if (hasContentIn(before)) return at;
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_ELEMENT);
  let el: Node | null;
  while ((el = walker.nextNode())) {
    if (!isElement(el) || !el.parentNode) continue;
    if ((BLOCKS.test(el.tagName) && !el.querySelector('*')) || /^(IMG|SVG|TABLE|FIGURE|TR|P|LI|H[1-6])$/i.test(el.tagName)) {
      return { node: el.parentNode, offset: indexOf(el) + 1 };
    }
  }
  return { node: box, offset: box.childNodes.length };
}

/** The parts of elements cut at the break: no top margin, no second list marker, the
    numbering of an ordered list continued, and a table's header repeated. */
export function markContinuation(box: Element, tail: DocumentFragment): void {
  let el = tail.firstElementChild;
  let head = box.lastElementChild;
  while (el && head && sameElement(el, head)) {
    el.classList.add('vb-vervolg');
    el.removeAttribute('id');
    if (el.tagName === 'OL') continueNumbering(head, el);
    if (el.tagName === 'TABLE') repeatHeader(head, el);
    el = el.firstElementChild;
    head = head.lastElementChild;
  }
}

function continueNumbering(head: Element, tail: Element): void {
  const start = parseInt(head.getAttribute('start') || '1', 10);
  const placed = Array.from(head.children).filter((c) => c.tagName === 'LI').length;
  const first = tail.firstElementChild;
  const continued = !!first && first.tagName === 'LI' && sameElement(first, head.lastElementChild);
  tail.setAttribute('start', String(start + placed - (continued ? 1 : 0)));
}

function repeatHeader(head: Element, tail: Element): void {
  const thead = head.querySelector(':scope > thead');
  if (!thead || tail.querySelector(':scope > thead')) return;
  const copy = thead.cloneNode(true) as Element;
  copy.setAttribute(REPEATED, '');
  tail.insertBefore(copy, tail.firstChild);
}
