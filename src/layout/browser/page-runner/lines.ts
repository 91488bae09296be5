/*
 * Lines of text as the page shows them, read from the layout: what the keep rules count
 * ("two lines of what follows a heading") and where they cut ("the last two lines of the
 * closing paragraph").
 */
import { isElement, isText, type Boundary } from './dom.js';

/** The tops of the distinct lines that the text in a range occupies, in order. */
export function lineTops(range: Range): number[] {
  const tops: number[] = [];
  const root = range.commonAncestorContainer;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  const part = document.createRange();
  const add = (top: number) => {
    if (!tops.some((t) => Math.abs(t - top) < 2)) tops.push(top);
  };
  let node: Node | null = isText(root) ? root : walker.nextNode();
  while (node) {
    if (range.intersectsNode(node)) {
      if (isText(node) && node.data.trim()) {
        part.selectNodeContents(node);
        if (node === range.startContainer) part.setStart(node, range.startOffset);
        if (node === range.endContainer) part.setEnd(node, range.endOffset);
        for (const r of Array.from(part.getClientRects())) if (r.width > 0 && r.height > 0) add(Math.round(r.top));
      } else if (isElement(node) && /^(IMG|SVG)$/i.test(node.tagName) && isWhollyIn(range, node)) {
        // A picture counts as the lines it is high, as far as "two lines" goes.
        const r = node.getBoundingClientRect();
        add(Math.round(r.top));
        add(Math.round(r.top + r.height / 2));
      }
    }
    if (node === root) break;
    node = walker.nextNode();
  }
  return tops.sort((a, b) => a - b);
}

function isWhollyIn(range: Range, node: Node): boolean {
  const r = document.createRange();
  r.selectNode(node);
  return range.compareBoundaryPoints(Range.START_TO_START, r) <= 0 && range.compareBoundaryPoints(Range.END_TO_END, r) >= 0;
}

/** The point where the line at `top` starts, searched in a range laid out in one column. */
export function lineStart(range: Range, top: number): Boundary | null {
  const root = range.commonAncestorContainer;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const r = document.createRange();
  const topOf = (text: Text, i: number): number => {
    r.setStart(text, i);
    r.setEnd(text, i + 1);
    const rects = r.getClientRects();
    const last = rects[rects.length - 1];
    return last ? Math.round(last.top) : -Infinity;
  };
  let node: Node | null = isText(root) ? root : walker.nextNode();
  while (node) {
    const text = node as Text;
    if (text.data.trim() && range.intersectsNode(text)) {
      let lo = text === range.startContainer ? range.startOffset : 0;
      let hi = (text === range.endContainer ? range.endOffset : text.data.length) - 1;
      if (hi >= lo && topOf(text, hi) >= top - 1) {
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (topOf(text, mid) >= top - 1) hi = mid;
          else lo = mid + 1;
        }
        return { node: text, offset: lo };
      }
    }
    if (node === root) break;
    node = walker.nextNode();
  }
  return null;
}
