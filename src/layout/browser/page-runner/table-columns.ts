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
import { opmaakOfElement } from './dom.js';
import type { Page } from './pages.js';

/* Tables this long may not fit on a page (a page holds ~40 rows of one line, ~3000 characters). */
const MAY_BE_CUT_ROWS = 12;
const MAY_BE_CUT_CHARS = 1500;

/** A table this long may be cut over pages; a shorter one always moves whole (keep-rules.ts). */
export const mayBeCut = (t: HTMLTableElement): boolean => t.rows.length >= MAY_BE_CUT_ROWS || (t.textContent ?? '').length >= MAY_BE_CUT_CHARS;

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

/* A short table whose words all fit whole keeps them whole when it is set. */
const WHOLE_WORDS_FIT = 'data-vb-hele-woorden';
/** A table measured with its words whole in the columns it is set in: none of its words can break (overflow.ts). */
export const WORDS_WHOLE = 'data-vb-woorden-heel';

/* The sizes a table too wide for its column with its words whole may be set at, as shares
   of its own: 8.5 pt becomes 7.5 pt, then 7 pt, the least a reader takes in at a glance. */
const SMALLER = [7.5 / 8.5, 7 / 8.5];

function unbrokenWordsStyle(): void {
  if (document.getElementById(WHOLE_WORDS)) return;
  const style = document.createElement('style');
  style.id = WHOLE_WORDS;
  style.textContent =
    '.' + WHOLE_WORDS + ' td, .' + WHOLE_WORDS + ' th, table[' + WHOLE_WORDS_FIT + '] td, table[' + WHOLE_WORDS_FIT + '] th { overflow-wrap: normal; }';
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

/**
 * Fixes the columns of every table of the flow (not those inside another table) to
 * their widths laid out whole. `probe` gives an empty sheet of a geometry, in the
 * document; it is removed again.
 */
export function fixTableColumns(flow: DocumentFragment, probe: (opmaak: string | null) => Page): void {
  const all = Array.from(flow.querySelectorAll('table')).filter((t) => !t.parentElement?.closest('table'));
  // A short table fits on a page and moves whole (keep-rules.ts): it is never cut, so its
  // columns need not be fixed. Its words are still measured: left to break anywhere, the
  // automatic layout squeezes a short column beside a long description ("Noord" set as
  // "Noor" over "d", "aangenomen" over "."), so where they all fit whole they stay whole.
  // A table with columns of its own (an author's <colgroup>) keeps them.
  const tables = all.filter((t) => !t.querySelector(':scope > colgroup') && mayBeCut(t));
  const short = all.filter((t) => !mayBeCut(t));
  if (!all.length) return;
  const byOpmaak = new Map<string | null, { long: HTMLTableElement[]; short: HTMLTableElement[] }>();
  const groupOf = (t: HTMLTableElement) => {
    const opmaak = opmaakOfElement(flow, t);
    const known = byOpmaak.get(opmaak) ?? { long: [], short: [] };
    byOpmaak.set(opmaak, known);
    return known;
  };
  for (const t of tables) groupOf(t).long.push(t);
  for (const t of short) groupOf(t).short.push(t);
  unbrokenWordsStyle();
  for (const [opmaak, { long: group, short: few }] of byOpmaak) {
    const sheet = probe(opmaak);
    sheet.box.classList.remove('vb-meten');
    sheet.box.classList.add(WHOLE_WORDS);
    const copies = group.map((t) => sheet.box.appendChild(t.cloneNode(true) as HTMLTableElement));
    const shortCopies = few.map((t) => sheet.box.appendChild(t.cloneNode(true) as HTMLTableElement));
    const room = sheet.box.getBoundingClientRect().width;
    const fit = (c: HTMLTableElement) => c.getBoundingClientRect().width <= room + 1;
    // A table too wide for the column with its words whole is set a step smaller where that
    // makes it fit, as an author would in Word.
    copies.forEach((c, i) => smallerToFit(c, group[i], room, fit));
    shortCopies.forEach((c, i) => !c.querySelector(':scope > colgroup') && smallerToFit(c, few[i], room, fit));
    // With its words whole a table may not fit the column (a long word or address in a
    // cell). Its columns then stand at their narrowest with words whole: kept for the
    // columns that have room for it, when it is measured again as it will be set, where a
    // long word breaks anywhere. One that is too wide even then keeps the automatic layout
    // (overflow.ts reports it).
    const wholeFit = shortCopies.map(fit);
    const narrowest = (c: HTMLTableElement) => (fit(c) ? null : columnWidths(c));
    const shortNarrowest = shortCopies.map(narrowest);
    const longNarrowest = copies.map(narrowest);
    const widths = copies.map((c) => (fit(c) ? columnWidths(c) : null));
    copies.forEach((c, i) => widths[i] && group[i]?.setAttribute(WORDS_WHOLE, ''));
    shortCopies.forEach((c, i) => wholeFit[i] && few[i]?.setAttribute(WORDS_WHOLE, ''));
    sheet.box.classList.remove(WHOLE_WORDS);
    const asSet = (c: HTMLTableElement, min: number[] | null) => {
      const auto = fit(c) ? columnWidths(c) : null;
      return auto && min ? shared(min, auto) : auto;
    };
    copies.forEach((c, i) => {
      widths[i] ??= asSet(c, longNarrowest[i] ?? null);
    });
    shortCopies.forEach((c, i) => {
      const table = few[i];
      if (!table) return;
      if (wholeFit[i]) table.setAttribute(WHOLE_WORDS_FIT, '');
      else if (!table.querySelector(':scope > colgroup')) fixColumns(table, asSet(c, shortNarrowest[i] ?? null));
    });
    // Rows are measured below as they will be set.
    copies.forEach((c, i) => fixColumns(c, widths[i] ?? null));
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
    group.forEach((table, i) => fixColumns(table, widths[i] ?? null));
  }
}

/* The first of the smaller sizes at which the copy fits with its words whole, set on the
   table too; the smallest where it fits at none. */
function smallerToFit(copy: HTMLTableElement, table: HTMLTableElement | undefined, room: number, fit: (c: HTMLTableElement) => boolean): void {
  if (!table || fit(copy)) return;
  const style = getComputedStyle(copy);
  const size = parseFloat(style.fontSize);
  const line = parseFloat(style.lineHeight) || size * 1.3;
  for (const share of SMALLER) {
    copy.style.fontSize = table.style.fontSize = size * share + 'px';
    copy.style.lineHeight = table.style.lineHeight = line * share + 'px';
    if (fit(copy)) return;
  }
  // Too wide at every size: at the least, fewer of its words and figures break, unless one
  // column takes half the room for a single long word (a file name), which a smaller size
  // would not mend.
  const widest = Math.max(...(columnWidths(copy) ?? [Infinity]));
  if (widest <= room / 2) return;
  copy.style.fontSize = table.style.fontSize = '';
  copy.style.lineHeight = table.style.lineHeight = '';
}

function fixColumns(table: HTMLTableElement, widths: number[] | null): void {
  if (!widths) return;
  table.setAttribute(COLUMNS, widths.join(' '));
  table.style.tableLayout = 'fixed';
  withColumns(table);
}

/* The columns of a table too wide for the column with its words whole. `auto` is how
   Chromium sets it when a word may break anywhere, which can squeeze a short column
   ("Noord" as "Noor" over "d", "aangenomen" over "."); `min` are its columns at their
   narrowest with words whole. Each column gets at least its narrowest width where the
   columns have room for that together (not the column with a long file name, which keeps
   what it had), taken from the columns wider than that. */
function shared(min: number[], auto: number[]): number[] {
  const room = auto.reduce((a, b) => a + b, 0);
  let rest = room;
  let left = min.length;
  for (const w of [...min].sort((a, b) => a - b)) {
    if (w * left > rest) break;
    rest -= w;
    left--;
  }
  const cap = left ? rest / left : Infinity;
  // A column whose words cannot all be whole breaks one anyway: it needs no more than it had.
  const floor = min.map((w, i) => (w <= cap ? w : Math.min(cap, auto[i] ?? 0)));
  const widths = auto.map((w, i) => Math.max(w, floor[i] ?? 0));
  const excess = widths.reduce((a, b) => a + b, 0) - room;
  const slack = widths.map((w, i) => w - (floor[i] ?? 0));
  const spare = slack.reduce((a, b) => a + b, 0);
  return excess > 0 && spare > 0 ? widths.map((w, i) => w - (excess * (slack[i] ?? 0)) / spare) : widths;
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
