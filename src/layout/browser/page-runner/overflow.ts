/*
 * Content wider than the text column, measured once on the finished pages: a table,
 * image or chart that sticks out of the column, and a line whose word cannot break
 * and runs out of its box. Chromium would print either over the margin or the
 * colofon, or cut it off at the sheet's edge, without a word; the author is told
 * where it is instead (issue 12). Geometry only: the boxes and the rects of the
 * text as laid out, never a count of characters.
 */
import type { RunnerWarning } from './contract.js';
import { isElement, isText } from './dom.js';
import type { Page } from './pages.js';
import { WORDS_WHOLE } from './table-columns.js';

const MM_PER_PX = 25.4 / 96;
/* Sub-pixel rounding and a border half outside a collapsed table are not overflow. */
const TOLERANCE_PX = 1;
const WIDE = 'table, img, svg, figure';
/* The longest piece of a word quoted in a message. */
const QUOTED = 40;

const mm = (px: number): string => (px * MM_PER_PX).toFixed(1) + ' mm';

/* The flow id shared by the copies of an element cut at a page break (flow.ts), so an
   element is reported once whichever of its pages it sticks out on. */
function identity(el: Element): string | Element {
  return el.getAttribute('data-vb-id') ?? el;
}

function markOf(el: Element): string {
  return el.closest('[data-vb-at]')?.getAttribute('data-vb-at') ?? '';
}

function describeObject(el: Element): { what: string; hint: string } {
  const tag = el.tagName.toLowerCase();
  if (tag === 'table') {
    const columns = el.querySelector('tr')?.children.length ?? 0;
    if (el.querySelector('td img, th img')) {
      return {
        what: 'a table' + (columns ? ' of ' + columns + ' columns' : '') + ' with an image in a cell',
        hint: 'an image in a cell keeps up to the width of the text column: put the image below the table as a figure of its own, or give the image file a smaller width',
      };
    }
    return {
      what: 'a table' + (columns ? ' of ' + columns + ' columns' : ''),
      hint: 'give the table fewer columns (split it in two, or move the detail to a bijlage), shorten the text in its header and cells (a word that cannot break sets the least width of its column), or turn the table round: the years as rows instead of columns',
    };
  }
  return {
    what: tag === 'svg' ? 'a chart' : tag === 'img' ? 'an image' : 'a figure',
    hint: 'make it narrower than the text column: give the image file a smaller width, or a chart fewer categories',
  };
}

function describeBox(box: Element): string {
  if (box.closest('[data-note]')) return 'footnote';
  const tag = box.tagName.toLowerCase();
  if (tag === 'td' || tag === 'th') return 'table cell';
  if (tag === 'li') return 'list item';
  if (tag === 'pre') return 'preformatted text';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'p') return 'paragraph';
  return 'text box';
}

/* The nearest box the text is laid out in: inline elements are passed by. */
function boxOf(text: Text, boxes: Map<Element, Element>): Element | null {
  const parent = text.parentElement;
  if (!parent) return null;
  const known = boxes.get(parent);
  if (known) return known;
  let el: Element | null = parent;
  while (el && /^(inline|contents)$/.test(getComputedStyle(el).display)) el = el.parentElement;
  if (el) boxes.set(parent, el);
  return el;
}

/* Where the text of a box must end: the right edge of its content. */
function contentRight(box: Element, limits: Map<Element, number>): number {
  const known = limits.get(box);
  if (known !== undefined) return known;
  const style = getComputedStyle(box);
  const right = box.getBoundingClientRect().right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
  limits.set(box, right);
  return right;
}

function rightmost(range: Range): number {
  let right = -Infinity;
  for (const r of Array.from(range.getClientRects())) if (r.width > 0 && r.height > 0) right = Math.max(right, r.right);
  return right;
}

/* The word of `text` that runs past `limit`, as far as it lies in this text node. */
function wordPast(text: Text, limit: number): string {
  const range = document.createRange();
  for (const m of text.data.matchAll(/\S+/g)) {
    range.setStart(text, m.index);
    range.setEnd(text, m.index + m[0].length);
    if (rightmost(range) > limit + TOLERANCE_PX) return m[0];
  }
  return text.data.trim();
}

function quote(word: string): string {
  const chars = Array.from(word);
  return '"' + (chars.length > QUOTED ? chars.slice(0, QUOTED).join('') + '…' : word) + '" (' + chars.length + ' characters)';
}

/* What cannot be cut and is taller than the text area: the page runner places it
   alone on a page (it must go somewhere) and the sheet cuts off what runs below. */
const UNCUT = 'img, svg, figure';

function tallerThanPage(page: Page, where: string, reported: Set<string | Element>): RunnerWarning[] {
  const out: RunnerWarning[] = [];
  const area = page.text.getBoundingClientRect();
  const tall: Element[] = [];
  for (const el of Array.from(page.text.querySelectorAll(UNCUT))) {
    // One in a footnote is footnote-area.ts's to report: the part of a note that fits on no page.
    if (el.parentElement?.closest('svg, [data-note]') || tall.some((t) => t.contains(el))) continue;
    const r = el.getBoundingClientRect();
    const past = r.bottom - area.bottom;
    if (past <= TOLERANCE_PX) continue;
    tall.push(el);
    if (reported.has(identity(el))) continue;
    reported.add(identity(el));
    const { what } = describeObject(el);
    out.push({
      message: what + ' is ' + mm(r.height) + ' tall and runs ' + mm(past) + ' past the foot of the text area (' + mm(area.height) + ' high) on ' + where + '; the part below is cut off',
      hint:
        el.tagName.toLowerCase() === 'figure'
          ? 'shorten its caption: an image is scaled down to leave room for three lines of caption on a page, not more; or give the image a wider, lower shape'
          : 'make it less tall than a page: give it a wider, lower shape, or split it in two',
      at: markOf(el),
      rule: 'taller-than-page',
    });
  }
  return out;
}

/* A word of a cell that the line breaks: no space, and no hyphen or soft hyphen to break at. */
const UNBREAKABLE = /[^\s\u00ad-]{2,}/g;

/* Words broken over two lines in a table whose columns are too narrow for them with its
   words whole (table-columns.ts marks the tables where none can break): "12.345" set as
   "12.34" over "5" is read as two numbers. Once per table, and not for one that sticks out. */
function brokenInTables(page: Page, where: string, reported: Set<string | Element>, tooWide: (table: Element) => boolean): RunnerWarning[] {
  const out: RunnerWarning[] = [];
  const range = document.createRange();
  for (const table of Array.from(page.text.querySelectorAll('table'))) {
    // One that sticks out of the column is reported as such: that is what to mend first.
    if (table.hasAttribute(WORDS_WHOLE) || table.closest('[data-note]') || reported.has(identity(table)) || tooWide(table)) continue;
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    // A broken figure is the worse mistake: it is named first where there is one.
    let found: { word: string; cell: Element } | undefined;
    let figure = false;
    for (let node = walker.nextNode(); node && !figure; node = walker.nextNode()) {
      const cell = isText(node) ? node.parentElement?.closest('td, th') : null;
      if (!isText(node) || !cell || cell.closest('table') !== table) continue;
      for (const m of node.data.matchAll(UNBREAKABLE)) {
        if (found && !/\d/.test(m[0])) continue;
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
        if (tops.size < 2) continue;
        found = { word: m[0], cell };
        figure = /\d/.test(m[0]);
        if (figure) break;
      }
    }
    if (!found) continue;
    reported.add(identity(table));
    const columns = table.querySelector('tr')?.children.length ?? 0;
    out.push({
      message:
        'the word ' + quote(found.word) + ' is broken over two lines in a ' + (found.cell.tagName === 'TH' ? 'header' : 'cell') +
        ' of a table' + (columns ? ' of ' + columns + ' columns' : '') + ' on ' + where + ': its column is too narrow for it, even with the table set smaller',
      hint: 'give the table fewer columns (split it in two, or move the detail to a bijlage), shorten its headers, or turn the table round: the years as rows instead of columns; a long file name or URL in a cell can go in a footnote',
      at: markOf(found.cell),
      rule: 'word-broken',
    });
  }
  return out;
}

/** Every element and line that sticks out of its column or box, once per element. */
export function overflowWarnings(pages: Page[]): RunnerWarning[] {
  const out: RunnerWarning[] = [];
  const reported = new Set<string | Element>();
  const reportedTall = new Set<string | Element>();
  const reportedBroken = new Set<string | Element>();
  const boxes = new Map<Element, Element>();
  const limits = new Map<Element, number>();
  pages.forEach((page, i) => {
    const where = 'page ' + (i + 1) + ' of the PDF';
    const column = page.text.getBoundingClientRect();
    const wide: Element[] = [];
    for (const el of Array.from(page.text.querySelectorAll(WIDE))) {
      // A chart's inner svg, or what lies in something already too wide, adds nothing.
      if (el.parentElement?.closest('svg') || wide.some((w) => w.contains(el))) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const past = Math.max(r.right - column.right, column.left - r.left);
      if (past <= TOLERANCE_PX) continue;
      wide.push(el);
      if (reported.has(identity(el))) continue;
      reported.add(identity(el));
      const { what, hint } = describeObject(el);
      out.push({
        message: what + ' is ' + mm(r.width) + ' wide and sticks out of the text column (' + mm(column.width) + ') by ' + mm(past) + ' on ' + where,
        hint,
        at: markOf(el),
        rule: 'wider-than-column',
      });
    }
    out.push(...tallerThanPage(page, where, reportedTall));
    out.push(...brokenInTables(page, where, reportedBroken, (t) => reported.has(identity(t))));
    const walker = document.createTreeWalker(page.text, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!isText(node) || !node.data.trim()) continue;
      const box = boxOf(node, boxes);
      if (!isElement(box) || reported.has(identity(box)) || wide.some((w) => w.contains(box))) continue;
      range.selectNodeContents(node);
      const limit = contentRight(box, limits);
      const right = rightmost(range);
      if (right <= limit + TOLERANCE_PX) continue;
      reported.add(identity(box));
      const kind = describeBox(box);
      const pre = kind === 'preformatted text';
      const url = !!node.parentElement?.closest('.vb-url-deel');
      out.push({
        message: pre
          ? 'a line of a code block cannot wrap and sticks out of it by ' + mm(right - limit) + ' on ' + where
          : 'the word ' + quote(wordPast(node, limit)) + ' cannot be broken and sticks out of its ' + kind + ' by ' + mm(right - limit) + ' on ' + where,
        hint: pre
          ? 'break the line in two, or shorten it; a code block keeps its lines as they are typed'
          : url
            ? 'a URL breaks only after a "/" or a "." (a long part also after a "-"), and this part of it has none of them: link a short text to it ([het rapport](https://…)) instead of writing it out, or give a shorter address of the page'
            : 'a long file name, code or URL has no place to break: write a URL as a link with a short text ([het rapport](https://…)), move the name into a footnote, or add spaces or hyphens where it may break',
        at: markOf(box),
        rule: 'word-overflows',
      });
    }
  });
  return out;
}
