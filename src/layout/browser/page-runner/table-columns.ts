/*
 * A table cut over pages keeps the columns it has laid out whole. Left to Chromium's
 * automatic layout, each part of it would be sized by its own rows: while a page is
 * measured its box also holds rows beyond the break (one long description narrows
 * every other column, and the rows grow to two lines), so the page was cut for rows
 * taller than the ones it then showed, and ended half empty; and the next part, with
 * other rows, had other columns. So before pagination each table is laid out once,
 * whole, in the text column of its part, and its columns are fixed to those widths
 * (table-layout: fixed, one <col> each), on every copy the cutting makes.
 */
import type { Page } from './pages.js';

/* Tables this long may not fit on a page (a page holds ~40 rows of one line, ~3000 characters). */
const MAY_BE_CUT_ROWS = 12;
const MAY_BE_CUT_CHARS = 1500;

/** Marks a row that may break (taller than TALL_ROW_SHARE of a page); its own style lets it, whatever the house style says. */
export const TALL_ROW = 'data-vb-hoge-rij';
/* Rows up to this share of a page stay whole: what they leave empty at a page's foot is
   at most that. */
const TALL_ROW_SHARE = 1 / 4;

/** The measured widths, in CSS px, on the table and on every copy of it. */
const COLUMNS = 'data-vb-kolommen';
/* While measuring: words whole. style.css lets a word in a cell break anywhere, so that
   a long URL wraps; it also lets the automatic layout squeeze a column of numbers to
   one digit's width, beside a long description ("38" set as "3" over "8"). */
const WHOLE_WORDS = 'vb-kolommen-meten';

function unbrokenWordsStyle(): void {
  if (document.getElementById(WHOLE_WORDS)) return;
  const style = document.createElement('style');
  style.id = WHOLE_WORDS;
  style.textContent = '.' + WHOLE_WORDS + ' td, .' + WHOLE_WORDS + ' th { overflow-wrap: normal; }';
  document.head.appendChild(style);
}

/* The widths of the columns, read from a row with one cell per column; null when no row
   says (cells spanning columns in every row) or the rows disagree on their number. */
function columnWidths(table: HTMLTableElement): number[] | null {
  const rows = Array.from(table.rows);
  const simple = rows.find((r) => Array.from(r.cells).every((c) => c.colSpan === 1));
  if (!simple) return null;
  const count = simple.cells.length;
  const columnsOf = (r: HTMLTableRowElement) => Array.from(r.cells).reduce((n, c) => n + c.colSpan, 0);
  if (!count || rows.some((r) => columnsOf(r) > count)) return null;
  return Array.from(simple.cells, (c) => c.getBoundingClientRect().width);
}

/* The geometry of the part a table stands in: its top-level element's data-vb-opmaak. */
function opmaakOfTable(flow: DocumentFragment, table: Element): string | null {
  let el: Element = table;
  while (el.parentNode && el.parentNode !== flow && el.parentElement) el = el.parentElement;
  const opmaak = el.getAttribute('data-vb-opmaak');
  return opmaak && /^[a-z]+$/.test(opmaak) ? opmaak : null;
}

/**
 * Fixes the columns of every table of the flow (not those inside another table) to
 * their widths laid out whole. `probe` gives an empty sheet of a geometry, in the
 * document; it is removed again.
 */
export function fixTableColumns(flow: DocumentFragment, probe: (opmaak: string | null) => Page): void {
  // A short table fits on a page and moves whole (keep-rules.ts): it is never cut, and
  // measuring it would cost a layout for nothing.
  // A table with columns of its own (an author's <colgroup>) keeps them.
  const tables = Array.from(flow.querySelectorAll('table')).filter(
    (t) => !t.parentElement?.closest('table') && !t.querySelector(':scope > colgroup') && (t.rows.length >= MAY_BE_CUT_ROWS || (t.textContent ?? '').length >= MAY_BE_CUT_CHARS),
  );
  if (!tables.length) return;
  const byOpmaak = new Map<string | null, HTMLTableElement[]>();
  for (const t of tables) {
    const opmaak = opmaakOfTable(flow, t);
    byOpmaak.set(opmaak, [...(byOpmaak.get(opmaak) ?? []), t]);
  }
  unbrokenWordsStyle();
  for (const [opmaak, group] of byOpmaak) {
    const sheet = probe(opmaak);
    sheet.box.classList.remove('vb-meten');
    sheet.box.classList.add(WHOLE_WORDS);
    const copies = group.map((t) => sheet.box.appendChild(t.cloneNode(true) as HTMLTableElement));
    const room = sheet.box.getBoundingClientRect().width;
    const fit = (c: HTMLTableElement) => c.getBoundingClientRect().width <= room + 1;
    const widths = copies.map((c) => (fit(c) ? columnWidths(c) : null));
    // With its words whole a table may not fit the column (a long word or address in a
    // cell): it is measured again as it will be set, where such a word breaks anywhere.
    // One that is too wide even then keeps the automatic layout (overflow.ts reports it).
    if (widths.includes(null)) {
      sheet.box.classList.remove(WHOLE_WORDS);
      copies.forEach((c, i) => {
        if (!widths[i] && fit(c)) widths[i] = columnWidths(c);
      });
    }
    const page = sheet.text.getBoundingClientRect().height;
    copies.forEach((c, i) => {
      const rows = Array.from(c.rows);
      // A cell spanning rows is cut with the row it starts in; its neighbours below
      // would shift into its column. Such a table keeps the automatic layout, and its
      // rows are cut as before.
      if (rows.some((r) => Array.from(r.cells).some((cell) => cell.rowSpan > 1))) {
        if (rows.some((r) => r.getBoundingClientRect().height > page / 2)) widths[i] = null;
        return;
      }
      // A tall row is cut in all its cells (row-split.ts) rather than moved whole: moved,
      // it would leave up to its own height empty at the foot of the page before, a third
      // of every page of a register with a long "stand van zaken" per motie.
      rows.forEach((r, k) => {
        const row = group[i]?.rows[k];
        if (!row || r.getBoundingClientRect().height <= page * TALL_ROW_SHARE) return;
        row.setAttribute(TALL_ROW, '');
        row.style.breakInside = 'auto';
      });
    });
    sheet.element.remove();
    group.forEach((table, i) => {
      const w = widths[i];
      if (!w) return;
      table.setAttribute(COLUMNS, w.join(' '));
      table.style.tableLayout = 'fixed';
      withColumns(table);
    });
  }
}

/* The table's <col> elements, from its measured widths: added to a copy that has none,
   only once where two copies were joined again (each <colgroup> adds columns), and at
   the front, where a join may have left it behind rows: a cut after those rows would
   take it to the next page, and leave this one's columns to the fixed layout's guess. */
function withColumns(table: HTMLTableElement): void {
  const groups = table.querySelectorAll(':scope > colgroup');
  groups.forEach((g, i) => i > 0 && g.remove());
  const front = table.caption ? table.caption.nextSibling : table.firstChild;
  const first = groups[0];
  if (first) {
    if (first !== front) table.insertBefore(first, front);
    return;
  }
  const group = document.createElement('colgroup');
  for (const w of (table.getAttribute(COLUMNS) ?? '').split(' ')) {
    const col = document.createElement('col');
    col.style.width = w + 'px';
    group.appendChild(col);
  }
  table.insertBefore(group, front);
}

/** Gives each copy of a measured table in `root` its columns once: a cut copies a table without them, a join doubles them. */
export function keepColumns(root: ParentNode): void {
  root.querySelectorAll<HTMLTableElement>('table[' + COLUMNS + ']').forEach(withColumns);
}
