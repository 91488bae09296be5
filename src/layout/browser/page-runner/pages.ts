/*
 * The sheets: each takes text from the flow until Chromium breaks it, with the room of
 * the footnotes called above the break taken off, and gives the rest back.
 */
import { atLeastSomething, callsOnPage, findBreak, markContinuation, startsWithForcedBreak } from './breaks.js';
import { hasContent, type Boundary } from './dom.js';
import { prependJoined, pull, takeFlow, type Notes } from './flow.js';
import { keepTogether } from './keep-rules.js';
import { warnings } from './warnings.js';

const MAX_PAGES = 5000;

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

function setNotes(page: Page, calls: string[], notes: Notes): number {
  const area = page.notes;
  while (area.firstChild) area.removeChild(area.firstChild);
  for (const nr of calls) {
    const note = notes[nr];
    if (note) area.appendChild(note);
  }
  return area.firstChild ? area.getBoundingClientRect().height : 0;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/* Lays out one page: fills its box, finds the break with the footnotes' room taken
   off, and returns what lies beyond the break (or null). */
function layOutPage(page: Page, flow: DocumentFragment, notes: Notes, number: number, pageHeight: number): DocumentFragment | null {
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
  let room = full - setNotes(page, calls, notes);
  // Footnotes that would take more than half the page are not given more: the text
  // keeps its half, the notes run off the foot of the sheet, and the author is told.
  const least = full / 2;
  if (calls.length && room < least) {
    warnings.push({
      message: 'the footnotes ' + calls.join(', ') + ' do not fit at the foot of page ' + number + '; part of them is cut off',
      hint: 'shorten the longest of them, or move its text into the letter or a bijlage',
    });
    room = least;
  }
  if (calls.length) {
    box.style.height = room + 'px';
    at = findBreak(box);
    const fewer = callsOnPage(box);
    if (!sameList(fewer, calls)) {
      // Some calls moved to the next page with the break, and their notes go with
      // them. The room they leave is given back to the text unless that brings a
      // call back onto the page; then the page keeps the room made for all of them.
      const more = full - setNotes(page, fewer, notes);
      box.style.height = more + 'px';
      const tighter = findBreak(box);
      if (sameList(callsOnPage(box), fewer)) {
        at = tighter;
      } else {
        box.style.height = room + 'px';
        at = findBreak(box);
      }
    }
  }
  let tail: DocumentFragment | null = null;
  if (at) {
    const kept = keepTogether({ box, pageHeight }, at);
    // Calls below a break moved up go to the next page, and so do their notes.
    if (kept !== at) setNotes(page, callsBefore(box, kept), notes);
    at = atLeastSomething(box, kept);
    const r = document.createRange();
    r.setStart(at.node, at.offset);
    r.setEnd(box, box.childNodes.length);
    tail = r.extractContents();
    markContinuation(box, tail);
  }
  box.classList.remove('vb-meten');
  box.style.height = '';
  return tail;
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
  return Array.from(box.querySelectorAll('[data-footnote-call]'))
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
  while (hasContent(flow)) {
    if (pages.length >= MAX_PAGES) throw new Error('the letter runs to more than ' + MAX_PAGES + ' pages');
    const page = newPage(container, pages.length, opmaakOf(flow));
    const tail = layOutPage(page, flow, notes, pages.length + 1, pageHeight);
    if (tail) prependJoined(flow, tail);
    pages.push(page);
  }
  return pages;
}
