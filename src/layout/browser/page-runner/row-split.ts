/*
 * A table row taller than what is left of the page is cut across all its cells, at the
 * line where the page ends, as Word cuts a row allowed to break across pages. Cut at one
 * point of the document, as every other element is, a row would keep the cells before
 * that point whole on this page and take the cells after it whole to the next, where
 * they stand in the columns to their left: the text of "Stand van zaken" under "Nr".
 * Each cell is cut where Chromium laid out its first line beyond the page, and the
 * next page's copy of the row has a cell for every cell, empty where one ended here.
 */
import { breakWithin, markContinuation } from './breaks.js';
import { hasContentIn, isElement, type Boundary } from './dom.js';

/** The row a break falls inside, between or within its cells; null for any other break. */
export function rowCutAt(box: HTMLElement, at: Boundary): HTMLTableRowElement | null {
  const el = isElement(at.node) ? at.node : at.node.parentElement;
  const row = el?.closest('tr');
  if (!row || !box.contains(row) || row.parentElement === box || (at.node === row && at.offset === 0)) return null;
  // A cell spanning rows belongs to rows on both sides of the cut: cut as before.
  const table = row.closest('table');
  if (!table || Array.from(table.rows).some((r) => Array.from(r.cells).some((c) => c.rowSpan > 1))) return null;
  return row;
}

/**
 * Cuts `row` in every cell and takes out what follows it in the box: the returned tail
 * starts with the rest of the row, in copies of the row's table and section. Null, with
 * nothing changed, when no cell has anything above the break (then the page could not
 * take any of the row, and the caller cuts as for any element).
 */
export function splitRow(box: HTMLElement, row: HTMLTableRowElement): DocumentFragment | null {
  const cells = Array.from(row.cells);
  // All cuts are read before anything moves: a move changes the layout of the rest.
  const cuts = cells.map((cell) => breakWithin(cell, box));
  const keepsSomething = cells.some((cell, i) => {
    const cut = cuts[i];
    if (!cut) return hasContentIn(contentsOf(cell));
    const r = document.createRange();
    r.setStart(cell, 0);
    r.setEnd(cut.node, cut.offset);
    return hasContentIn(r);
  });
  if (!keepsSomething) return null;
  const rest = row.cloneNode(false) as HTMLTableRowElement;
  rest.classList.add('vb-vervolg');
  cells.forEach((cell, i) => {
    const copy = cell.cloneNode(false) as HTMLTableCellElement;
    copy.classList.add('vb-vervolg');
    copy.removeAttribute('id');
    const cut = cuts[i];
    if (cut) {
      const r = document.createRange();
      r.setStart(cut.node, cut.offset);
      r.setEnd(cell, cell.childNodes.length);
      const part = r.extractContents();
      markContinuation(cell, part);
      copy.appendChild(part);
    }
    rest.appendChild(copy);
  });
  const after = document.createRange();
  after.setStartAfter(row);
  after.setEnd(box, box.childNodes.length);
  const tail = after.extractContents();
  // The extraction copies the row's ancestors (table, tbody) at the front of the tail.
  // (Always there: the range starts inside the row's parent and ends outside it.)
  const section = copyOf(tail, row.parentElement);
  if (!section) throw new Error('a table row was cut without a copy of its table');
  section.insertBefore(rest, section.firstChild);
  return tail;
}

function contentsOf(el: Element): Range {
  const r = document.createRange();
  r.selectNodeContents(el);
  return r;
}

/* The copy of `original` in the first-element chain at the front of `tail`. */
function copyOf(tail: DocumentFragment, original: Element | null): Element | null {
  const id = original?.getAttribute('data-vb-id');
  if (!id) return null;
  for (let el = tail.firstElementChild; el; el = el.firstElementChild) if (el.getAttribute('data-vb-id') === id) return el;
  return null;
}
