/**
 * The page geometries of the house style, in PDF points from the page's left and
 * bottom edge, as templates/style.css and templates/kamerstuk.css set them. The one
 * place the tests take them from; test/pdf/print-geometry.test.ts checks them against
 * the text areas of the sheets the page runner lays out, so they cannot drift.
 */
export const MM = 72 / 25.4;
/** Chromium's A4 page height in points. */
const PAGE_HEIGHT = 841.92;

export interface PageGeometry {
  name: 'brief' | 'druk';
  /** The text area's left and right edge. */
  textLeft: number;
  textRight: number;
  /** Where the colofon column starts; undefined when the page has none. */
  colofonLeft: number | undefined;
  /** Words left of this belong to the text, words right of it to the colofon. */
  columnSplit: number;
  /** The text area's top on page 1 of a part and on the following pages, and its bottom. */
  topFirst: number;
  top: number;
  bottom: number;
  /** Where a footnote's text starts: the text area's left edge plus the 5 mm hanging indent. */
  noteTextX: number;
}

function geometry(name: PageGeometry['name'], leftMm: number, widthMm: number, colofonMm: number | undefined, topFirstMm: number): PageGeometry {
  const textLeft = leftMm * MM;
  const textRight = (leftMm + widthMm) * MM;
  const colofonLeft = colofonMm === undefined ? undefined : colofonMm * MM;
  return {
    name,
    textLeft,
    textRight,
    colofonLeft,
    columnSplit: colofonLeft === undefined ? Number.POSITIVE_INFINITY : (textRight + colofonLeft) / 2,
    topFirst: PAGE_HEIGHT - topFirstMm * MM,
    top: PAGE_HEIGHT - 30 * MM,
    bottom: 22 * MM,
    noteTextX: textLeft + 5 * MM,
  };
}

/** The Kamerbrief: a 115 mm text column, the colofon from 148 mm, page 1 below the letterhead. */
export const LETTER = geometry('brief', 22, 115, 148, 47);

/** The parliamentary print (Kamerstuk, Eerste Kamer letter): no colofon, a 166 mm text block. */
export const PRINT = geometry('druk', 22, 166, undefined, 30);

/** The colofon column of the letter, left to right. */
export const COLOFON_COLUMN = { left: 148 * MM, right: (148 + 48) * MM };

/** Which geometry each page of a document has. */
export type GeometryOf = PageGeometry | ((pageNumber: number) => PageGeometry);

/** The geometry of a document type's pages (a letter's bound-in cover is printed like a Kamerstuk). */
export function geometryOfType(type: string): PageGeometry {
  return type === 'kamerstuk' || type === 'eerste-kamer' ? PRINT : LETTER;
}

/** A letter with the Eerste Kamer cover letter bound in front: the cover's pages are print. */
export function withCover(coverPages = 1): (pageNumber: number) => PageGeometry {
  return (n) => (n <= coverPages ? PRINT : LETTER);
}
