/*
 * The footnote area at the foot of a sheet. It holds, in order, what an earlier page
 * could not hold (the rest of a note split there, then whole notes whose calls stood
 * on that page) and the notes called on this page. When they are taller than the room
 * the text leaves, the last note that does not fit is split between two of its lines
 * and the rest of it, with every note after it, waits for the next page; there the
 * rest comes first, under the full-width continuation rule, without its number.
 */
import { CALLS, isElement, type Boundary } from './dom.js';
import { lineStart, lineTops } from './lines.js';
import type { Notes } from './flow.js';
import { warnings } from './warnings.js';

/** What waits for the next page's footnote area, in reading order. */
export type NoteCarry = HTMLElement[];

/** The part of a note that continues a note split on the page before. */
const REST = 'vb-noot-vervolg';
/** The footnote area that opens with such a part, under the continuation rule. */
const CONTINUED_AREA = 'vb-voetnoten-vervolg';
/** Lines a note keeps on each side of a split, as orphans and widows do in the text. */
const LINES_EACH_SIDE = 2;
/* Lines are compared in CSS px; a line may end this much below the foot. */
const SLACK = 0.5;

/** Fills the area with the carried notes and those of `calls`; returns its height. */
export function setNotes(area: HTMLElement, carry: NoteCarry, calls: string[], notes: Notes): number {
  while (area.firstChild) area.removeChild(area.firstChild);
  for (const note of carry) area.appendChild(note);
  for (const nr of calls) {
    const note = notes[nr];
    if (note) area.appendChild(note);
  }
  area.classList.toggle(CONTINUED_AREA, !!area.firstElementChild?.classList.contains(REST));
  return area.firstChild ? area.getBoundingClientRect().height : 0;
}

/**
 * The height for the text when the notes called in it do not fit whole below it, as
 * Word does it: the text runs to the end of the line with the last call, so that the
 * notes start on their calls' page and get what room there is, but no further than
 * leaves the note that is split there LINES_EACH_SIDE lines, or a note carried from
 * an earlier page whole (it is owed), and never less than `least` (half the page:
 * the letter's text reads on). Expects the area filled for `carried` notes and
 * `calls` (setNotes).
 */
export function textAboveLongNotes(area: HTMLElement, box: HTMLElement, carried: number, calls: string[], full: number, least: number): number {
  const last = calls[calls.length - 1];
  const call = last === undefined ? null : box.querySelector(CALLS.replace('[data-footnote-call]', '[data-footnote-call="' + CSS.escape(last) + '"]'));
  const line = call?.getClientRects()[0];
  if (!call?.parentElement || !line) return least;
  const lineBottom = line.top - box.getBoundingClientRect().top + (parseFloat(getComputedStyle(call.parentElement).lineHeight) || 0);
  const top = area.getBoundingClientRect().top;
  const kids = Array.from(area.children);
  const at = kids.findIndex((k) => k.getBoundingClientRect().bottom - top > full - lineBottom);
  const split = kids[at];
  if (!split) return Math.max(least, lineBottom);
  const r = split.getBoundingClientRect();
  const cap = full - (at < carried ? r.bottom - top : r.top - top + LINES_EACH_SIDE * (parseFloat(getComputedStyle(split).lineHeight) || 0));
  return Math.max(least, Math.min(lineBottom, cap));
}

/**
 * Once the page's text is final: keeps in the area what fits above `foot` and returns
 * the rest for the next page. `alone` says nothing else is on the sheet, so something
 * must stay, even a note that fits on no page (the only case that is cut off).
 */
export function fitNotes(area: HTMLElement, foot: number, alone: boolean, number: number): NoteCarry {
  if (!area.firstChild || area.getBoundingClientRect().bottom <= foot + SLACK) return [];
  const kids = Array.from(area.children).filter((k): k is HTMLElement => k instanceof HTMLElement);
  const at = kids.findIndex((k) => k.getBoundingClientRect().bottom > foot + SLACK);
  const note = kids[at];
  if (!note) return [];
  const carry: NoteCarry = [];
  const nothingBefore = alone && at === 0;
  const rest = splitNote(note, foot, nothingBefore ? 1 : LINES_EACH_SIDE);
  if (rest) carry.push(rest);
  else if (!nothingBefore) carry.push(note);
  for (const later of kids.slice(at + 1)) carry.push(later);
  for (const n of carry) n.remove();
  if (nothingBefore && !rest) {
    warnings.push({
      message: 'footnote ' + (note.getAttribute('data-footnote') ?? '') + ' has a part taller than page ' + number + '; part of it is cut off',
      hint: 'make the picture or table in it smaller, or move it into the letter or a bijlage',
    });
  }
  area.classList.toggle(CONTINUED_AREA, !!area.firstElementChild?.classList.contains(REST));
  return carry;
}

/* Cuts `note` before its first line that ends below `foot`, keeping at least `least`
   lines on each side, and returns the part after the cut; null when it cannot. */
function splitNote(note: HTMLElement, foot: number, least: number): HTMLElement | null {
  const all = document.createRange();
  all.selectNodeContents(note);
  const tops = lineTops(all);
  const lineHeight = parseFloat(getComputedStyle(note).lineHeight) || 0;
  // The first line that does not fit: its line box reaches below the foot.
  let keep = tops.findIndex((t) => t + lineHeight > foot + SLACK);
  if (keep < 0) return null;
  if (tops.length - keep < least) keep = tops.length - least;
  const whole = note.cloneNode(true);
  for (; keep >= least; keep--) {
    all.selectNodeContents(note);
    const cut = lineStart(all, tops[keep]!);
    if (!cut) continue;
    const rest = cutAt(note, cut);
    // The kept lines' own boxes decide, not the estimate: one line fewer if they do not fit.
    if (note.getBoundingClientRect().bottom <= foot + SLACK) return rest;
    note.replaceChildren(...Array.from(whole.cloneNode(true).childNodes));
  }
  return null;
}

/* Moves everything from `at` to the end of the note into a new continuation part; the
   elements the cut goes through are copied (Range.extractContents), so a link or a
   paragraph cut in two is a link or paragraph on both pages. */
function cutAt(note: HTMLElement, at: Boundary): HTMLElement {
  const r = document.createRange();
  r.setStart(at.node, at.offset);
  r.setEnd(note, note.childNodes.length);
  const rest = document.createElement('div');
  rest.className = note.className;
  rest.classList.add(REST);
  rest.setAttribute('data-note', 'footnote');
  rest.setAttribute('data-footnote', note.getAttribute('data-footnote') ?? '');
  rest.appendChild(r.extractContents());
  dropEmptyEnd(note);
  showSoftHyphen(note);
  return rest;
}

/* A word cut at a soft hyphen (afbreken: true) now ends its block, where Chromium
   shows no hyphen: the kept part ends with a real one. */
function showSoftHyphen(note: HTMLElement): void {
  const walker = document.createTreeWalker(note, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data) last = n as Text;
  if (last?.data.endsWith('\u00AD')) last.data = last.data.slice(0, -1) + '-';
}

/* The copies of elements left empty at the end of the kept part. */
function dropEmptyEnd(node: Node): void {
  let last = node.lastChild;
  const empty = (n: Node): boolean =>
    n.nodeType === 3 ? !(n as Text).data : isElement(n) && !/^(IMG|SVG)$/i.test(n.tagName) && !n.textContent && !n.querySelector('img, svg');
  while (last && empty(last)) {
    node.removeChild(last);
    last = node.lastChild;
  }
  if (isElement(last)) dropEmptyEnd(last);
}

/** The notes on the page, not counting the continuation parts of notes split earlier. */
export const WHOLE_NOTES = '.vb-voetnoten [data-note="footnote"]:not(.' + REST + ')';
