/*
 * The footnote area at the foot of a sheet. It holds, in order, what an earlier page
 * could not hold (the rest of a note split there, then whole notes whose calls stood
 * on that page) and the notes called on this page. When they are taller than the room
 * the text leaves, the last note that does not fit is split between two of its lines
 * and the rest of it, with every note after it, waits for the next page; there the
 * rest comes first, under the full-width continuation rule, without its number.
 */
import { isElement, sameElement, type Boundary } from './dom.js';
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
  for (; keep >= least; keep--) {
    const cut = lineStart(all, tops[keep]!);
    if (!cut) continue;
    const rest = cutAt(note, cut);
    // The kept lines' own boxes decide, not the estimate: move one line more if needed.
    if (note.getBoundingClientRect().bottom <= foot + SLACK) return rest;
    joinBack(note, rest);
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
  return rest;
}

/* Undoes cutAt: the part goes back at the end of the note, joining the copies of the
   elements the cut went through. */
function joinBack(note: HTMLElement, rest: HTMLElement): void {
  const join = (target: Node, from: Node): void => {
    const first = from.firstChild;
    const last = target.lastChild;
    if (isElement(first) && isElement(last) && (sameElement(first, last) || (!first.hasAttribute('data-vb-id') && first.tagName === last.tagName && first.className === last.className))) {
      from.removeChild(first);
      join(last, first);
    }
    while (from.firstChild) target.appendChild(from.firstChild);
  };
  join(note, rest);
  note.normalize();
}

/* The copies of elements left empty at the end of the kept part. */
function dropEmptyEnd(node: Node): void {
  let last = node.lastChild;
  while (last && ((last.nodeType === 3 && !(last as Text).data) || (isElement(last) && !last.textContent && !last.querySelector('img, svg')))) {
    node.removeChild(last);
    last = node.lastChild;
  }
  if (isElement(last)) dropEmptyEnd(last);
}

/** The notes on the page, not counting the continuation parts of notes split earlier. */
export const WHOLE_NOTES = '.vb-voetnoten [data-note="footnote"]:not(.' + REST + ')';
