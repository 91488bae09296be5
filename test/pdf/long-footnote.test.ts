import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { buildWithSharedBrowser, FIXTURES } from '../helpers/build-fixture.js';
import { layoutProblems, RANDOM_LETTER_MARKERS } from '../helpers/layout-invariants.js';
import { footnoteCalls, horizontalRules, readPdf, type PdfInfo, type PdfPage, type PdfRule } from '../helpers/read-pdf.js';
import { elements, readStructure, textOf, type StructNode } from '../helpers/read-structure.js';

/**
 * A footnote taller than the room below the text continues on the next page, as Word
 * does it (issue 18, item 7): split between two lines, the first part ending at the foot
 * of the text area, the rest opening the next page's footnote area under a rule across
 * the whole column, before that page's own notes, without its number again. Three letters
 * (test/fixtures/lange-voetnoot/): with a note of about 0.8 page, of about 2.5 pages, and of
 * a third of a page called below the middle of one, all with ordinary notes before, right
 * after and later.
 */
const MM = 72 / 25.4;
const BOTTOM = 22 * MM;
const COLUMN = 115 * MM;
const SHORT_RULE = 40 * MM;
/** Where a note's text starts: the 22 mm margin and the 5 mm hanging indent (read-pdf.ts). */
const NOTE_TEXT_X = (22 + 5) * MM;

const squash = (s: string): string => s.replace(/[\s\u00AD]/g, '');

interface NoteLine {
  page: number;
  y: number;
  /** The number the line starts with, when it is a note's first line. */
  nr?: number;
  str: string;
}

const isNoteLine = (p: PdfPage, l: PdfPage['lines'][number]) => l.x < p.width * 0.68 && Math.abs(l.size - 7.5) < 0.2;

/** Every 7.5 pt line of the text column, top to bottom, page by page. */
function noteLines(pdf: PdfInfo): NoteLine[] {
  return pdf.pages.flatMap((p) =>
    p.lines
      .filter((l) => isNoteLine(p, l))
      .sort((a, b) => b.y - a.y)
      .map((l) => {
        const m = l.x < NOTE_TEXT_X - 1 ? /^(\d+)\s+(.*)$/.exec(l.str) : null;
        return m ? { page: p.number, y: l.y, nr: Number(m[1]), str: m[2]! } : { page: p.number, y: l.y, str: l.str };
      }),
  );
}

/** The parts of each note: a line without a number goes on with the note before it. */
function noteParts(lines: NoteLine[]): Map<number, { page: number; top: number; bottom: number; text: string[] }[]> {
  const notes = new Map<number, { page: number; top: number; bottom: number; text: string[] }[]>();
  let current: number | undefined;
  for (const l of lines) {
    if (l.nr !== undefined) current = l.nr;
    if (current === undefined) throw new Error(`page ${l.page}: a note line before any note: ${l.str}`);
    const parts = notes.get(current) ?? [];
    const last = parts.at(-1);
    if (last && last.page === l.page && l.nr === undefined) {
      last.text.push(l.str);
      last.bottom = l.y;
    } else parts.push({ page: l.page, top: l.y, bottom: l.y, text: [l.str] });
    notes.set(current, parts);
  }
  return notes;
}

/** A note's definition in the fixture's Markdown: its paragraphs are indented under it. */
function sourceNote(dir: string, id: string): string {
  const md = readFileSync(path.join(dir, 'secties', '01-stand.md'), 'utf8');
  const start = md.indexOf(`[^${id}]: `);
  const rest = md.slice(start + id.length + 5);
  const end = rest.search(/\n\[\^|\n\S/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The separator above a page's notes: the lowest rule in the text column above its first note line. */
function separator(rules: PdfRule[], page: number, firstNoteY: number): PdfRule | undefined {
  return rules
    .filter((r) => r.page === page && Math.abs(r.x - 22 * MM) < 1 && r.y > firstNoteY && r.y - firstNoteY < 8 * MM)
    .sort((a, b) => a.y - b.y)[0];
}

const CASES = [
  { name: 'a note of 0.8 page', dir: path.join(FIXTURES, 'lange-voetnoot', 'acht-tiende'), pages: 3 },
  { name: 'a note of 2.5 pages', dir: path.join(FIXTURES, 'lange-voetnoot', 'tweeenhalve-pagina'), pages: 5 },
  // Shorter than half a page, called 60% down one: moved with its call, it left 40% of the
  // page empty; now the text runs to the call's line and the note is split.
  { name: 'a note of a third of a page, called below the middle of one', dir: path.join(FIXTURES, 'lange-voetnoot', 'derde-pagina'), pages: 2 },
];

describe.each(CASES)('a footnote taller than the room: $name', ({ dir, pages }) => {
  let result: BuildResult;
  let file: string;
  let pdf: PdfInfo;
  let rules: PdfRule[];
  let parts: ReturnType<typeof noteParts>;
  const source = squash(sourceNote(dir, 'lang'));
  // The long note is the second: the letter's first paragraph calls the first.
  const LONG = 2;

  beforeAll(async () => {
    result = await buildWithSharedBrowser(dir);
    file = result.documents[0]!.pdf;
    pdf = await readPdf(file);
    rules = await horizontalRules(file);
    parts = noteParts(noteLines(pdf));
  });

  it('builds without a warning: nothing is cut off', () => {
    expect(result.warnings).toEqual([]);
  });

  it('loses no text of any note and prints each number once', () => {
    expect(squash(parts.get(LONG)!.map((p) => p.text.join(' ')).join(' '))).toBe(source);
    expect(parts.get(LONG)!.length).toBeGreaterThanOrEqual(pages);
    expect([...parts.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    const numbered = noteLines(pdf).filter((l) => l.nr !== undefined).map((l) => l.nr);
    expect(numbered).toEqual([1, 2, 3, 4, 5]);
    // The ordinary notes are whole, each in one part.
    for (const nr of [1, 3, 4, 5]) expect(parts.get(nr)!.length, `note ${nr}`).toBe(1);
    expect(squash(parts.get(3)!.map((p) => p.text.join(' ')).join(''))).toBe(squash(sourceNote(dir, 'kort')));
  });

  it('ends each part that goes on at the foot of the text area, and starts the rest at the top of the next footnote area, under a full-width rule', () => {
    const long = parts.get(LONG)!;
    expect(long.length).toBeGreaterThanOrEqual(pages);
    long.forEach((part, k) => {
      const next = long[k + 1];
      const lines = noteLines(pdf).filter((l) => l.page === part.page);
      if (next) {
        expect(next.page, `part ${k + 2}`).toBe(part.page + 1);
        // The part is the page's last note, down to the foot of the text area.
        expect(lines.at(-1)!.y, `page ${part.page}`).toBe(part.bottom);
        expect(part.bottom - BOTTOM, `page ${part.page}`).toBeGreaterThanOrEqual(0);
        expect(part.bottom - BOTTOM, `page ${part.page}`).toBeLessThan(3 * MM);
      }
      if (k === 0) {
        // The first part starts with the number, under the short rule of ordinary notes.
        expect(lines.find((l) => l.nr === LONG), `page ${part.page}`).toBeDefined();
        expect(separator(rules, part.page, lines[0]!.y)!.width).toBeCloseTo(SHORT_RULE, -1);
        return;
      }
      // The rest is the first thing in the page's footnote area, under the rule across
      // the whole column, and above the page's own notes.
      expect(lines[0]!.y, `page ${part.page}`).toBe(part.top);
      expect(lines[0]!.nr, `page ${part.page}`).toBeUndefined();
      const rule = separator(rules, part.page, part.top);
      expect(rule, `page ${part.page}: the continuation rule`).toBeDefined();
      expect(Math.abs(rule!.width - COLUMN), `page ${part.page}: rule of ${(rule!.width / MM).toFixed(1)} mm`).toBeLessThan(1 * MM);
      const own = lines.find((l) => l.nr !== undefined);
      if (own) expect(own.y).toBeLessThan(part.bottom);
    });
    // Pages whose notes do not open with a continued note have the short rule.
    for (const page of pdf.pages) {
      const lines = noteLines(pdf).filter((l) => l.page === page.number);
      if (!lines.length || lines[0]!.nr === undefined) continue;
      expect(separator(rules, page.number, lines[0]!.y)!.width, `page ${page.number}`).toBeCloseTo(SHORT_RULE, -1);
    }
  });

  it('keeps the body text of every page above its notes, and the layout rules', () => {
    for (const page of pdf.pages) {
      const notes = noteLines(pdf).filter((l) => l.page === page.number);
      const body = page.lines.filter((l) => l.x < page.width * 0.68 && l.size >= 8.5);
      if (notes.length && body.length) expect(Math.min(...body.map((l) => l.y)), `page ${page.number}`).toBeGreaterThan(notes[0]!.y + 4 * MM);
    }
    // Every note starts on its call's page or after it, never before.
    const calls = pdf.pages.flatMap((p) => footnoteCalls(p).map((c) => ({ n: c.n, page: p.number })));
    for (const [nr, p] of parts) expect(p[0]!.page, `note ${nr}`).toBeGreaterThanOrEqual(calls.find((c) => c.n === nr)!.page);
    // The long note starts on its call's page.
    expect(parts.get(LONG)![0]!.page).toBe(calls.find((c) => c.n === LONG)!.page);
    expect(layoutProblems(pdf, { ...RANDOM_LETTER_MARKERS, heading: /^\d+\. Stand van zaken$/ })).toEqual([]);
  });

  it('is one Note in the structure tree, with the whole text and its number once', () => {
    const all = elements(readStructure(file).root);
    const notes = all.filter((e) => e.type === 'Note');
    expect(notes.map((n) => n.id)).toEqual(['note-1', 'note-2', 'note-3', 'note-4', 'note-5']);
    const long = notes[LONG - 1]!;
    expect(squash(textOf(long, ['Lbl']))).toBe(source);
    const labels = long.kids.filter((k): k is StructNode => typeof k === 'object' && 'type' in k && k.type === 'Lbl');
    expect(labels.map((l) => textOf(l).trim())).toEqual([String(LONG)]);
    expect(result.documents[0]!.footnotes).toBe(5);
  });

  it('writes the note once into the HTML', () => {
    const html = readFileSync(result.documents[0]!.html, 'utf8');
    expect(html.match(/data-footnote="2"/g)).toHaveLength(1);
    expect(squash(html.replace(/<[^>]*>/g, '')).split(source.slice(0, 200)).length - 1).toBe(1);
  });
});
