/*
 * The sheets: each takes text from the flow until Chromium breaks it, with the room of
 * the footnotes called above the break taken off, and gives the rest back; what of the
 * footnotes does not fit below the text waits for the next sheet (footnote-area.ts).
 */
import { atLeastSomething, callsOnPage, findBreak, markContinuation, startsWithForcedBreak } from './breaks.js';
import { CALLS, hasContent, type Boundary } from './dom.js';
import { fitFigures } from './fit-figures.js';
import { continuesAfterCut, prependJoined, pull, takeFlow, type Notes } from './flow.js';
import { fitNotes, setNotes, textAboveLongNotes, type NoteCarry } from './footnote-area.js';
import { deelOf } from './furniture.js';
import { keepTogether, MOST_EMPTY } from './keep-rules.js';
import { rowCutAt, splitRow } from './row-split.js';
import { tallestNote, textHeightForNotes, type NoteRoom } from './room-for-notes.js';
import { fixTableColumns, keepColumns } from './table-columns.js';

const MAX_PAGES = 5000;
/* A note this share of a page or taller is long: split rather than moved with its call when
   moving would leave more than MOST_EMPTY of the page empty. */
const LONG_NOTE = 1 / 4;

/** One sheet: the text box Chromium breaks, and the footnote area below it. */
export interface Page {
  element: HTMLElement;
  text: HTMLElement;
  box: HTMLElement;
  notes: HTMLElement;
}

function newPage(container: HTMLElement, index: number, opmaak: string | null = null): Page {
  const page = document.createElement('div');
  page.className = 'vb-blad' + (index === 0 ? ' vb-blad-eerste' : '') + (opmaak ? ' vb-blad-' + opmaak : '');
  const text = document.createElement('div');
  text.className = 'vb-blad-tekst';
  const box = document.createElement('div');
  box.className = 'vb-blad-stroom vb-meten';
  const notes = document.createElement('div');
  notes.className = 'vb-voetnoten';
  text.appendChild(box);
  text.appendChild(notes);
  page.appendChild(text);
  container.appendChild(page);
  return { element: page, text, box, notes };
}

function opmaakOfPage(page: Page | undefined): string | undefined {
  return page ? /(?:^| )vb-blad-(?!eerste\b)([a-z]+)(?: |$)/.exec(page.element.className)?.[1] : undefined;
}

interface LaidOut {
  tail: DocumentFragment | null;
  carry: NoteCarry;
}

/* Lays out one page: fills its box, finds the break with the footnotes' room taken
   off, and returns what lies beyond the break (or null) and the notes left over. */
function layOutPage(page: Page, flow: DocumentFragment, notes: Notes, carry: NoteCarry, number: number, pageHeight: number): LaidOut {
  const full = page.text.getBoundingClientRect().height;
  const box = page.box;
  box.style.height = full + 'px';
  pull(flow, box);
  let at = findBreak(box);
  while (!at && flow.firstChild && !startsWithForcedBreak(flow)) {
    pull(flow, box);
    at = findBreak(box);
  }
  const calls = callsOnPage(box);
  const shown = { calls, height: setNotes(page.notes, carry, calls, notes) };
  const room = full - shown.height;
  const least = full / 2;
  // Whether the notes may not fit below the text: only then are they measured again.
  let mayOverflow = carry.length > 0 || room < least;
  // Many short notes that together would take more than half the page are no reason
  // to split one: the text gives up calls, below half the page if it must, until their
  // notes fit whole. Only a note too tall for half a page is split (below), as Word does.
  const measure: NoteRoom = { box, area: page.notes, carry, notes, full, shown };
  const hasNotes = calls.length > 0 || carry.length > 0;
  let split = hasNotes && room < least && tallestNote(page.notes) > full - least;
  // Measured while the area shows them all: the notes are taken out as calls give way.
  const noteHeights = hasNotes && !split ? calls.map((nr) => notes[nr]?.getBoundingClientRect().height ?? 0) : [];
  let whole = hasNotes && !split ? textHeightForNotes(measure, room) : undefined;
  // A long note (a quarter of a page or more) whose call would go to the next page and
  // leave more than a third of this one empty is split instead, as Word does: the text
  // runs to the line of that call, not of the last call the full page would show.
  let splitCalls = calls;
  if (whole && full - whole.height - measure.shown.height > full * MOST_EMPTY) {
    const kept = whole.calls;
    const long = calls.findIndex((nr, i) => !kept.includes(nr) && (noteHeights[i] ?? 0) > full * LONG_NOTE);
    if (long >= 0) {
      split = true;
      whole = undefined;
      splitCalls = calls.slice(0, long + 1);
    }
  }
  if (whole) {
    at = whole.at;
  } else if (split || whole === null) {
    // Notes that do not fit whole below the text: the text runs to the line of the
    // last call and keeps at least half the page, and the notes take the rest, the
    // last that fits in part split between two lines (fitNotes).
    mayOverflow = true;
    box.style.height = full + 'px';
    if (measure.shown.calls !== splitCalls) setNotes(page.notes, carry, splitCalls, notes);
    box.style.height = textAboveLongNotes(page.notes, box, carry.length, splitCalls, full, least) + 'px';
    at = findBreak(box);
    setNotes(page.notes, carry, callsOnPage(box), notes);
  }
  let tail: DocumentFragment | null = null;
  if (at) {
    const kept = keepTogether({ box, pageHeight }, at);
    // Calls below a break moved up go to the next page, and so do their notes.
    if (kept !== at) setNotes(page.notes, carry, callsBefore(box, kept), notes);
    at = atLeastSomething(box, kept);
    if (at !== kept) mayOverflow = true;
    const cut = cutAt(box, at);
    tail = cut.tail;
    // The cells of a row cut across keep the calls above their own cut, on the right of the break too.
    if (cut.rowSplit) setNotes(page.notes, carry, callsBefore(box, { node: box, offset: box.childNodes.length }), notes);
    markContinuation(box, tail);
    continuesAfterCut(box, tail);
  }
  box.classList.remove('vb-meten');
  box.style.height = '';
  // The bottom margin of what ends the page was cut off at the break while measuring;
  // left in, it would push the footnotes below the foot of the text area.
  if (page.notes.firstChild) for (let el = box.lastElementChild; el; el = el.lastElementChild) el.classList.add('vb-aan-voet');
  if (!mayOverflow) return { tail, carry: [] };
  const foot = page.text.getBoundingClientRect().bottom;
  return { tail, carry: fitNotes(page.notes, foot, !hasContent(box), number) };
}

/* What lies beyond the break, taken out of the box; a row is cut in all its cells. */
function cutAt(box: HTMLElement, at: Boundary): { tail: DocumentFragment; rowSplit: boolean } {
  const row = rowCutAt(box, at);
  const rest = row && splitRow(box, row);
  if (rest) return { tail: rest, rowSplit: true };
  const r = document.createRange();
  r.setStart(at.node, at.offset);
  r.setEnd(box, box.childNodes.length);
  return { tail: r.extractContents(), rowSplit: false };
}

/* The room for text on a page after the first, the most a table can have. */
function followingPageHeight(container: HTMLElement): number {
  const probe = newPage(container, 1);
  const height = probe.text.getBoundingClientRect().height;
  probe.element.remove();
  return height;
}

/* The calls that lie before a boundary, in text order. */
function callsBefore(box: HTMLElement, at: Boundary): string[] {
  const r = document.createRange();
  r.setStart(box, 0);
  r.setEnd(at.node, at.offset);
  return Array.from(box.querySelectorAll(CALLS))
    .filter((a) => r.intersectsNode(a))
    .map((a) => a.getAttribute('data-footnote-call') ?? '');
}

/* The page geometry the text still to come asks for: a part's root element may say
   data-vb-opmaak="druk" (the parliamentary print's wide text block, kamerstuk.css),
   and a sheet takes the geometry of the part it starts with. Parts are separated by
   forced breaks, so a sheet never holds two. Read before the sheet is laid out,
   since its width decides where its lines break. */
export function opmaakOf(flow: DocumentFragment): string | null {
  for (let el = flow.firstElementChild; el; el = el.nextElementSibling) {
    if (!hasContent(el)) continue;
    const opmaak = el.getAttribute('data-vb-opmaak');
    return opmaak && /^[a-z]+$/.test(opmaak) ? opmaak : null;
  }
  return null;
}

/** Cuts the body's text flow into sheets, in a container appended to the body. */
export function paginate(): Page[] {
  const { flow, notes } = takeFlow();
  const container = document.createElement('div');
  container.className = 'vb-bladen';
  document.body.appendChild(container);
  const pages: Page[] = [];
  const pageHeight = followingPageHeight(container);
  fixTableColumns(flow, (opmaak) => newPage(container, 1, opmaak));
  fitFigures(flow, (opmaak) => newPage(container, 1, opmaak));
  let carry: NoteCarry = [];
  while (hasContent(flow) || carry.length) {
    if (pages.length >= MAX_PAGES) throw new Error('the letter runs to more than ' + MAX_PAGES + ' pages');
    // A page that holds only notes carried over keeps the geometry of the page before.
    const opmaak = hasContent(flow) ? opmaakOf(flow) : (opmaakOfPage(pages.at(-1)) ?? null);
    const page = newPage(container, pages.length, opmaak);
    const laidOut = layOutPage(page, flow, notes, carry, pages.length + 1, pageHeight);
    if (laidOut.tail) {
      prependJoined(flow, laidOut.tail);
      keepColumns(flow);
    }
    carry = laidOut.carry;
    const before = pages.at(-1);
    if (before && !hasContent(flow) && !hasContent(page.box)) page.element.setAttribute('data-vb-deel', deelOf(before));
    pages.push(page);
  }
  return pages;
}
