/*
 * Rules that Chromium's own fragmentation does not keep (or keeps only as a preference)
 * and a reader of a ministry letter expects without exception. Each looks at the break
 * Chromium chose and may move it earlier; none moves it later, and none leaves a page
 * empty (a page must take something, or the letter would never end).
 *
 * 0. A paragraph cut by a page leaves at least two lines on either page.
 * 1. A heading goes to the next page with at least two lines of what follows it, and a
 *    run of headings stays together. An italic line or two right under a heading (a
 *    motie's status) is the heading's: the two lines are counted after it.
 * 2. The signature block takes at least the last two lines of the closing paragraph with
 *    it, or the whole paragraph when it is short; after a table, its last row, whole, or
 *    the whole table when it is short.
 * 3. A table that fits on a page moves whole; one that does not starts where it is when
 *    its header and three rows fit there (the header is repeated, see markContinuation),
 *    or where a row taller than a page begins (cut in all its cells: row-split.ts). A long
 *    table (one that may be cut, table-columns.ts) that would leave more than a third of the
 *    page empty by moving starts where it is too, with one row if its rows are tall. The
 *    part that goes on has three rows as well, or the table moves whole.
 *    Its <caption> is inside it and goes where its first row goes, and so does a
 *    paragraph of one or two lines that opens in bold right above it (its title).
 */
import { hasContentIn, isElement, type Boundary } from './dom.js';
import { lineStart, lineTops } from './lines.js';
import { mayBeCut, TALL_ROW } from './table-columns.js';

/** Lines a block keeps on either side of a break in it (style.css: orphans, widows). */
const MIN_LINES = 2;
/** Lines a heading needs below it on its page. */
const LINES_AFTER_HEADING = 2;
/** Rows of a long table that must fit below its header before it may start on a page. */
const FIRST_ROWS = 3;
/** What a page may be left empty by moving a long table or a long footnote's call on (pages.ts). */
export const MOST_EMPTY = 1 / 3;
/** The closing paragraph keeps this many lines with the signature, or goes whole. */
const CLOSING_LINES = 2;

export interface BreakContext {
  box: HTMLElement;
  /** The height of a following page's text area, for "fits on one page". */
  pageHeight: number;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/** The break after all rules, or the break as it was when a rule would empty the page. */
export function keepTogether(ctx: BreakContext, at: Boundary): Boundary {
  let moved = at;
  moved = keepLines(ctx, moved);
  moved = keepTables(ctx, moved);
  moved = keepSignature(ctx, moved);
  moved = keepHeadings(ctx, moved);
  return hasContentIn(rangeTo(ctx.box, moved)) ? moved : at;
}

function rangeTo(box: Node, at: Boundary): Range {
  const r = document.createRange();
  r.setStart(box, 0);
  r.setEnd(at.node, at.offset);
  return r;
}

function before(node: Node): Boundary {
  const parent = node.parentNode;
  if (!parent) return { node, offset: 0 };
  return { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, node) as number };
}

/** -1 when a lies before b in the document, 0 when they are the same point, 1 after. */
function compare(a: Boundary, b: Boundary): number {
  const r = document.createRange();
  r.setStart(a.node, a.offset);
  return -r.comparePoint(b.node, b.offset);
}

function contains(el: Node, at: Boundary): boolean {
  return el === at.node || el.contains(at.node);
}

/* ---- 0. orphans and widows ---- */

/* Blocks whose lines orphans and widows count; a table cell is cut by row-split.ts. */
const LINE_BLOCKS = 'p, li, dd, dt, pre, figcaption, blockquote';

/* Chromium keeps `orphans` and `widows` as long as it can, but gives them up before a
   `break-after: avoid`: a heading followed by a paragraph of three lines at the foot of a
   page kept two of them, and the third stood alone on the next page. A break inside a
   block leaves at least two lines on each side, moving up a line where the block has
   lines enough, or going before the block (rule 1 then takes a heading along). */
function keepLines(ctx: BreakContext, at: Boundary): Boundary {
  const el = (isElement(at.node) ? at.node : at.node.parentElement)?.closest(LINE_BLOCKS);
  if (!el || !ctx.box.contains(el) || el.closest('td, th')) return at;
  const head = document.createRange();
  head.setStart(el, 0);
  head.setEnd(at.node, at.offset);
  const tops = lineTops(head);
  if (!tops.length) return at;
  const rest = document.createRange();
  rest.setStart(at.node, at.offset);
  rest.setEnd(el, el.childNodes.length);
  const after = lineTops(rest).length;
  if (tops.length >= MIN_LINES && after >= MIN_LINES) return at;
  // Lines moved to the next page so that it has two, while two stay here.
  const keep = tops.length - Math.max(0, MIN_LINES - after);
  if (after > 0 && keep >= MIN_LINES) {
    const top = tops[keep];
    const start = top === undefined ? null : lineStart(head, top);
    if (start) return start;
  }
  return before(el);
}

/* ---- 1. headings ---- */

function keepHeadings(ctx: BreakContext, at: Boundary): Boundary {
  const headings = Array.from(ctx.box.querySelectorAll(HEADINGS)).filter((h) => compare(before(h), at) < 0);
  const last = headings[headings.length - 1];
  if (!last) return at;
  if (!contains(last, at)) {
    const after = document.createRange();
    const status = statusLineAfter(last);
    after.setStartAfter(status ?? last);
    after.setEnd(at.node, at.offset);
    if ((!status || (compare(before(status), at) < 0 && !contains(status, at))) && lineTops(after).length >= LINES_AFTER_HEADING) return at;
  }
  // The heading, and the headings right above it with nothing in between, go together.
  return before(headingRunBefore(ctx.box, last) ?? last);
}

const STATUS_LINES = 2;

/* A paragraph of a line or two in italics right under a heading belongs to it: the status
   of a motie in a register section ("*Status: openstaand; motie aangenomen.*"), a heading's
   subtitle. The heading keeps two lines of what comes after it. */
function statusLineAfter(heading: Element): Element | null {
  const next = heading.nextElementSibling;
  if (!next || next.tagName !== 'P') return null;
  const content = Array.from(next.childNodes).filter((n) => isElement(n) || (n.textContent ?? '').trim());
  const only = content[0];
  if (content.length !== 1 || !isElement(only) || !/^(EM|I)$/.test(only.tagName)) return null;
  const r = document.createRange();
  r.selectNodeContents(next);
  return lineTops(r).length <= STATUS_LINES ? next : null;
}

/* The first of the headings right above an element with nothing in between, or null. */
function headingRunBefore(box: Element, el: Element): Element | null {
  const headings = Array.from(box.querySelectorAll(HEADINGS)).filter((h) => h !== el && compare(before(h), before(el)) < 0);
  let first: Element | null = null;
  let next = el;
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headings[i];
    if (!h || h.contains(next)) break;
    const between = document.createRange();
    between.setStartAfter(h);
    between.setEndBefore(next);
    if (hasContentIn(between)) break;
    first = next = h;
  }
  return first;
}

/* ---- 2. the signature ---- */

function keepSignature(ctx: BreakContext, at: Boundary): Boundary {
  const signature = ctx.box.querySelector('.vb-ondertekening');
  if (!signature || compare(at, before(signature)) > 0 || contains(signature, at)) return at;
  const closing = closingBlock(ctx.box, signature);
  if (!closing || compare(at, before(closing)) <= 0) return at;
  const gap = document.createRange();
  gap.setStart(at.node, at.offset);
  gap.setEndBefore(signature);
  const closingEnd = document.createRange();
  closingEnd.selectNodeContents(closing);
  const beyond = compare(at, { node: closingEnd.endContainer, offset: closingEnd.endOffset }) < 0;
  if (beyond) gap.setEnd(closingEnd.endContainer, closingEnd.endOffset);
  else if (hasContentIn(gap)) return at;
  // A table's last row is not cut between its cells: it goes whole with the signature,
  // unless it is taller than a page and so is cut anyway (row-split.ts). A short table,
  // which is never cut (rule 3), goes whole with it, and its title too.
  if (closing.tagName === 'TR') {
    if (closing.hasAttribute(TALL_ROW)) return at;
    const table = closing.closest('table');
    return table && !mayBeCut(table) ? before(titleOf(table) ?? table) : before(closing);
  }
  // Lines of the closing paragraph already beyond the break, and those before it.
  const after = beyond ? lineTops(gap).length : 0;
  if (after >= CLOSING_LINES) return at;
  const head = document.createRange();
  head.setStart(closingEnd.startContainer, closingEnd.startOffset);
  head.setEnd(at.node, at.offset);
  const tops = lineTops(head);
  const keep = tops.length - (CLOSING_LINES - after);
  // The lines that stay behind must be two as well, or the paragraph goes whole.
  if (keep >= CLOSING_LINES) {
    const top = tops[keep];
    const start = top === undefined ? null : lineStart(head, top);
    if (start) return start;
  }
  return before(closing);
}

/* The block holding the last text before the signature: the closing paragraph, a code
   block's lines, or the row of a table that ends the letter. */
function closingBlock(box: Element, signature: Element): Element | null {
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  let last: Node | null = null;
  let node: Node | null;
  while ((node = walker.nextNode())) {
    if (signature.contains(node)) break;
    if ((node as Text).data.trim() && !(signature.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) last = node;
  }
  const el = last?.parentElement?.closest('p, li, dd, blockquote, pre, td, th, div');
  const block = el && /^T[DH]$/.test(el.tagName) ? el.closest('tr') : el;
  return block && box.contains(block) ? block : null;
}

/* ---- 3. tables ---- */

function keepTables(ctx: BreakContext, at: Boundary): Boundary {
  // A break right before a table does not leave its title behind.
  const next = tableAfter(at);
  if (next) {
    const title = titleOf(next);
    return title && ctx.box.contains(title) ? before(title) : at;
  }
  const table = (isElement(at.node) ? at.node : at.node.parentElement)?.closest('table');
  if (!table || !ctx.box.contains(table)) return at;
  if (!hasContentIn(rangeTo(ctx.box, before(table)))) return at;
  // A short paragraph right above the table is its title ({{reekstabel}} writes one):
  // it goes where the table goes, as a <caption> does.
  const title = titleOf(table);
  const head = before(title ?? table);
  // Moved whole, the table takes the headings above it along (rule 1): together they
  // must fit on the next page, or the table is split there anyway.
  const lead = headingRunBefore(ctx.box, title ?? table) ?? title;
  // (The first fragment's top: a cut element's bounding box spans the columns.)
  const leadHeight = lead ? firstTop(table) - firstTop(lead) : 0;
  const rows = Array.from(table.querySelectorAll(':scope > tbody > tr, :scope > tr, :scope > tfoot > tr'));
  const placed = rows.filter((tr) => {
    const end = document.createRange();
    end.selectNode(tr);
    return compare({ node: end.endContainer, offset: end.endOffset }, at) <= 0;
  }).length;
  // What moving the table leaves empty: from what moves with it to the foot of the room
  // (while measuring, the box is one column as high as the room).
  const leftEmpty = ctx.box.getBoundingClientRect().bottom - firstTop(lead ?? table);
  const tooEmpty = placed > 0 && mayBeCut(table) && leftEmpty > ctx.pageHeight * MOST_EMPTY;
  if (leadHeight + tableHeight(table) <= ctx.pageHeight && !tooEmpty) return head;
  // A row taller than a page is cut wherever it stands: moving it gains nothing.
  const cutRow = (isElement(at.node) ? at.node : at.node.parentElement)?.closest('tr');
  if (cutRow?.hasAttribute(TALL_ROW) && table.contains(cutRow)) return at;
  if (!(placed >= FIRST_ROWS || tooEmpty)) return head;
  // The part on the next page has three rows too (or the table moves whole): a last row
  // alone under a repeated header reads as a table of its own.
  const rest = rows.length - placed;
  if (rest > 0 && rest < FIRST_ROWS) {
    const from = rows[rows.length - FIRST_ROWS];
    return from && rows.length - FIRST_ROWS >= FIRST_ROWS ? before(from) : head;
  }
  return at;
}

/* The table that starts right after a boundary between elements, if one does. */
function tableAfter(at: Boundary): Element | null {
  if (!isElement(at.node)) return null;
  let next: Node | null = at.node.childNodes[at.offset] ?? null;
  while (next && !isElement(next) && !(next.textContent ?? '').trim()) next = next.nextSibling;
  return isElement(next) && next.tagName === 'TABLE' ? next : null;
}

const TITLE_LINES = 2;

/* A paragraph of a line or two that opens in bold, right above a table, is its title:
   {{reekstabel}} writes "**Plaatsen in de vrouwenopvang** (aantal)". A source line under
   a chart ("*Bron: CBS.*") that happens to stand above a table is not. */
function titleOf(table: Element): Element | null {
  const prev = table.previousElementSibling;
  if (!prev || prev.tagName !== 'P') return null;
  let first: Node | null = prev.firstChild;
  while (first && !isElement(first) && !(first.textContent ?? '').trim()) first = first.nextSibling;
  if (!isElement(first) || !/^(STRONG|B)$/.test(first.tagName)) return null;
  const r = document.createRange();
  r.selectNodeContents(prev);
  return lineTops(r).length <= TITLE_LINES ? prev : null;
}

function firstTop(el: Element): number {
  return (el.getClientRects()[0] ?? el.getBoundingClientRect()).top;
}

/* The table's height laid out whole: caption, header and rows, each once (Chromium may
   repeat the header in each column it breaks the table into). */
function tableHeight(table: HTMLTableElement): number {
  let h = 0;
  const height = (el: Element, fragments: boolean) => {
    const rects = Array.from(el.getClientRects());
    return (fragments ? rects : rects.slice(0, 1)).reduce((sum, r) => sum + r.height, 0);
  };
  if (table.caption) h += height(table.caption, true);
  if (table.tHead) h += height(table.tHead, false);
  for (const body of Array.from(table.tBodies)) for (const tr of Array.from(body.rows)) h += height(tr, true);
  return h;
}
