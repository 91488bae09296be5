import { MM } from './page-geometry.js';
import { inTextColumn, type PdfInfo, type PdfLine, type PdfPage } from './read-pdf.js';

/**
 * The page layout's rules, read from a PDF's word boxes (pdfjs), not from text order.
 * Sizes tell the parts apart in the text column: body text and headings 9.5 pt, tables
 * 8.5 pt, footnotes 7.5 pt. Geometry is each page's own (page.geometry, from
 * ./page-geometry.ts): the letter's column or the print's wide text block.
 */
/** How far the last footnote line may sit above the bottom margin. */
const FOOT_TOLERANCE = 4 * MM;

export interface Markers {
  heading: RegExp;
  /** The first line of a table that may not be split (and so may leave a page short). */
  tableStart?: RegExp;
  /** A row of such a table; its first group names the table. */
  tableRow?: RegExp;
  /** Words of the closing paragraph. */
  closing?: RegExp;
  signatories?: string[];
}

export const RANDOM_LETTER_MARKERS: Omit<Markers, 'signatories'> = {
  heading: /^(?:[a-z0-9]+\. )?(?:Kopje|Subkopje|Onderdeel) \d+/,
  tableStart: /^Kolom A/,
  tableRow: /^(t\d+)r\d+/,
  closing: /\bafsl\d+/,
};

const inText = (p: PdfPage, l: PdfLine) => inTextColumn(p, l.x);
const isBody = (l: PdfLine) => Math.abs(l.size - 9.5) < 0.3 || Math.abs(l.size - 8.5) < 0.3;
const isNote = (l: PdfLine) => Math.abs(l.size - 7.5) < 0.2;

export function bodyLines(page: PdfPage): PdfLine[] {
  return page.lines.filter((l) => inText(page, l) && isBody(l) && l.str !== '').sort((a, b) => b.y - a.y);
}

function noteLines(page: PdfPage): PdfLine[] {
  return page.lines.filter((l) => inText(page, l) && isNote(l)).sort((a, b) => b.y - a.y);
}

/** Every rule the PDF breaks, as readable strings; empty when the layout holds. */
export function layoutProblems(pdf: PdfInfo, markers: Markers): string[] {
  const problems: string[] = [];
  const pages = pdf.pages;
  pages.forEach((page, i) => {
    const label = `page ${page.number}`;
    const last = i === pages.length - 1;
    const body = bodyLines(page);
    const notes = noteLines(page);
    // Footnotes stand at the foot of the text area, whatever the text above them does.
    const { bottom, topFirst, top: topFollowing } = page.geometry;
    const lowestNote = notes.at(-1);
    if (lowestNote && lowestNote.y - bottom > FOOT_TOLERANCE) {
      problems.push(`${label}: the footnotes end ${((lowestNote.y - bottom) / MM).toFixed(1)} mm above the bottom margin`);
    }
    if (!last) {
      body.forEach((l, k) => {
        if (!markers.heading.test(l.str)) return;
        const below = body.slice(k + 1).filter((x) => !markers.heading.test(x.str));
        if (below.length < 2) problems.push(`${label}: heading "${l.str}" has ${below.length} line(s) below it`);
      });
      const top = page.number === 1 ? topFirst : topFollowing;
      const room = top - bottom;
      const lowest = body.at(-1)?.y ?? top;
      const notesHeight = notes.length ? notes[0]!.y + notes[0]!.size - notes.at(-1)!.y + 5 * MM : 0;
      const used = top - lowest + notesHeight;
      if (used < room / 2 && !startsWithUnsplittable(pages[i + 1]!, pages[i + 2], markers)) {
        problems.push(`${label}: only ${Math.round((100 * used) / room)}% full, and the next page starts with "${bodyLines(pages[i + 1]!)[0]?.str ?? ''}"`);
      }
    }
  });
  if (markers.signatories?.length && markers.closing) problems.push(...signatureProblems(pdf, markers));
  return problems;
}

/* A table that may not be split (it fits on one page, so it does not go on to the page
   after), or the signature with its closing lines, opens the page. */
function startsWithUnsplittable(page: PdfPage, after: PdfPage | undefined, markers: Markers): boolean {
  const lines = bodyLines(page);
  const at = lines.findIndex((l) => !markers.heading.test(l.str));
  const first = lines[at];
  if (!first) return false;
  if (markers.tableStart?.test(first.str)) {
    const row = markers.tableRow?.exec(lines[at + 1]?.str ?? '')?.[1];
    return !row || !after || !bodyLines(after).some((l) => markers.tableRow?.exec(l.str)?.[1] === row);
  }
  if (markers.closing?.test(first.str)) return true;
  return !!markers.signatories?.some((s) => first.str.includes(s)) || /^De (Minister|Staatssecretaris)/.test(first.str);
}

function signatureProblems(pdf: PdfInfo, markers: Markers): string[] {
  const name = markers.signatories![0]!;
  const sigPage = pdf.pages.find((p) => bodyLines(p).some((l) => l.str.startsWith(name)));
  if (!sigPage) return [`the signatory "${name}" is not in the PDF`];
  const closing = (p: PdfPage) => bodyLines(p).filter((l) => markers.closing!.test(l.str)).length;
  const total = pdf.pages.reduce((n, p) => n + closing(p), 0);
  const here = closing(sigPage);
  const wanted = total < 4 ? total : 2;
  return here >= wanted ? [] : [`page ${sigPage.number}: the signature has ${here} of the closing paragraph's ${total} lines with it (wanted ${wanted})`];
}
