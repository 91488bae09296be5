/*
 * How high a page's text may run when it calls footnotes: as high as it can while the
 * notes of the calls above its break still fit whole below it. Giving the text less
 * room moves calls, and with them their notes, to the next page, so the notes' height
 * falls as the text's does; the tallest text that fits is found by halving the
 * interval between a height that fits and one that does not. A break only moves by
 * whole lines, so the search stops within a fraction of one.
 */
import { callsOnPage, findBreak } from './breaks.js';
import type { Boundary } from './dom.js';
import type { Notes } from './flow.js';
import { setNotes, type NoteCarry } from './footnote-area.js';

/** A page's text box and footnote area while the runner measures it. */
export interface NoteRoom {
  box: HTMLElement;
  area: HTMLElement;
  carry: NoteCarry;
  notes: Notes;
  /** The height of the text area, text and notes together. */
  full: number;
  /** The calls the area shows the notes of now, and its height. */
  shown: { calls: string[]; height: number };
}

export interface TextHeight {
  height: number;
  at: Boundary | null;
  calls: string[];
}

interface Probe extends TextHeight {
  notesHeight: number;
}

/* Below this the search stops, in CSS px: a third of a 13 pt line. A break moves by
   whole lines, so a finer search finds a line seldom and costs a layout each time. */
const PRECISION = 6;
const MAX_PROBES = 10;

/* The box at `height`: where Chromium breaks it, and the notes of the calls above that.
   The area is filled again only when the calls differ from those it shows: filling it
   costs a layout of its own. */
function probe(room: NoteRoom, height: number): Probe {
  room.box.style.height = height + 'px';
  const at = findBreak(room.box);
  const calls = callsOnPage(room.box);
  if (!sameCalls(calls, room.shown.calls)) room.shown = { calls, height: setNotes(room.area, room.carry, calls, room.notes) };
  return { height, at, calls, notesHeight: room.shown.height };
}

function sameCalls(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/* Heights are fractional px; half a px over is rounding, not a note that does not fit. */
const fits = (room: NoteRoom, p: Probe): boolean => p.height + p.notesHeight <= room.full + 0.5;

/* The least text height tried: a line or two, so that a page always takes some text. */
const FLOOR = 1 / 20;

/**
 * The tallest text whose notes fit whole below it, with the box and the footnote area
 * left set to it; null when not even a line or two of text leaves them room (notes
 * carried from the page before, or one too long for the page, which are then split:
 * footnote-area.ts). `start` is a height worth trying first: the room the notes of the
 * calls at full height leave.
 */
export function textHeightForNotes(room: NoteRoom, start: number): TextHeight | null {
  let lo = probe(room, Math.max(start, room.full * FLOOR));
  if (!fits(room, lo)) return null;
  let hi = room.full;
  let last = lo;
  for (let i = 0; i < MAX_PROBES && hi - lo.height > PRECISION; i++) {
    // Text and notes fill the page: more text could only bring more notes.
    if (lo.height + lo.notesHeight >= room.full - PRECISION) break;
    // The room the notes now on the page leave is where the text would end if no call
    // came back with it; when that height does not fit, halve the interval instead.
    const leave = room.full - lo.notesHeight;
    const next = leave > lo.height + PRECISION && leave < hi ? leave : (lo.height + hi) / 2;
    last = probe(room, next);
    if (fits(room, last)) lo = last;
    else hi = next;
  }
  // The box and the area must show the height chosen, not the last one tried. Its break
  // still holds: between probes only the box's height and the notes changed.
  if (last !== lo) {
    room.box.style.height = lo.height + 'px';
    if (!sameCalls(lo.calls, room.shown.calls)) room.shown = { calls: lo.calls, height: setNotes(room.area, room.carry, lo.calls, room.notes) };
  }
  return { height: lo.height, at: lo.at, calls: lo.calls };
}

/** The tallest single note in the area: the carried ones and those of the calls it was set for. */
export function tallestNote(area: HTMLElement): number {
  let tallest = 0;
  for (const note of Array.from(area.children)) tallest = Math.max(tallest, note.getBoundingClientRect().height);
  return tallest;
}
