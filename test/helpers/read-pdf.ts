import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { LETTER, MM, type GeometryOf, type PageGeometry } from './page-geometry.js';

export interface PdfItem {
  str: string;
  x: number;
  /** From the bottom of the page, as PDF coordinates go. */
  y: number;
  size: number;
  /** How far the item runs to the right of x, in points. */
  width: number;
}

export type PdfLine = PdfItem;

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
  /** The page's geometry: where its text area and colofon column are. */
  geometry: PageGeometry;
  /** Items joined into lines, per column (text column left, colofon right, if any). */
  lines: PdfLine[];
  text: string;
}

export interface PdfInfo {
  pages: PdfPage[];
  info: Record<string, unknown>;
}

/**
 * Everything the PDF says, page by page, with positions, read by pdfjs. The geometry
 * (./page-geometry.ts) says where the text column ends and the colofon begins: the
 * letter's by default, the print's for a Kamerstuk, or one per page.
 */
export async function readPdf(source: string | Uint8Array, geometryOf: GeometryOf = LETTER): Promise<PdfInfo> {
  const data = typeof source === 'string' ? new Uint8Array(readFileSync(source)) : new Uint8Array(source);
  const doc = await getDocument({ data, verbosity: 0, useSystemFonts: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const it of content.items) {
      if (!('str' in it) || it.str === '') continue;
      items.push({ str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, size: Math.round((it.transform[3] as number) * 10) / 10, width: it.width });
    }
    const geometry = typeof geometryOf === 'function' ? geometryOf(n) : geometryOf;
    const lines = toLines(items, geometry.columnSplit);
    pages.push({ number: n, width, height, items, geometry, lines, text: lines.map((l) => l.str).join('\n') });
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown> };
}

/** Whether a word stands in the page's text column (left of the colofon, if any). */
export function inTextColumn(page: PdfPage, x: number): boolean {
  return x < page.geometry.columnSplit;
}

function toLines(items: PdfItem[], split: number): PdfLine[] {
  const groups = new Map<string, PdfItem[]>();
  for (const it of items) {
    // Superscript calls sit a little higher than their line; 9.5 pt lines are 13 pt apart.
    const key = `${it.x < split ? 'L' : 'R'}:${Math.round(it.y / 2)}`;
    const near = [...groups.keys()].find((k) => {
      const [col, y] = k.split(':');
      return col === (it.x < split ? 'L' : 'R') && Math.abs(Number(y) * 2 - it.y) <= (it.size < 7 ? 5 : 1.5);
    });
    const g = groups.get(near ?? key) ?? [];
    g.push(it);
    groups.set(near ?? key, g);
  }
  const lines: PdfLine[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => a.x - b.x);
    const main = g.reduce((a, b) => (b.size > a.size ? b : a));
    const right = Math.max(...g.map((i) => i.x + i.width));
    lines.push({ str: g.map((i) => i.str).join('').replace(/\s+/g, ' ').trim(), x: g[0]!.x, y: main.y, size: main.size, width: right - g[0]!.x });
  }
  return lines.sort((a, b) => (a.x < split) === (b.x < split) ? b.y - a.y : a.x < split ? -1 : 1);
}

/** Footnote calls (superscript numbers in the text column) on a page. */
export function footnoteCalls(page: PdfPage): { n: number; y: number }[] {
  return page.items
    .filter((i) => inTextColumn(page, i.x) && i.size > 5 && i.size < 7.2 && /^\d+$/.test(i.str.trim()))
    .map((i) => ({ n: Number(i.str.trim()), y: i.y }));
}

/**
 * Footnotes at the foot of a page: 7.5 pt lines that start in the hanging indent,
 * where the right-aligned number sits. A wrapped line that happens to begin with a
 * year starts at the text column and is not mistaken for a new note.
 */
export function footnotes(page: PdfPage): { n: number; y: number; text: string }[] {
  return page.lines
    .filter((l) => l.x < page.geometry.noteTextX - 1 && Math.abs(l.size - 7.5) < 0.2)
    .map((l) => ({ m: /^(\d+)\s+(.*)$/.exec(l.str), y: l.y }))
    .filter((l): l is { m: RegExpExecArray; y: number } => l.m !== null)
    .map(({ m, y }) => ({ n: Number(m[1]), y, text: m[2] ?? '' }));
}

/** The lowest line of body text (9.5 pt) in the text column. */
export function bodyBottom(page: PdfPage): number {
  const body = page.items.filter((i) => inTextColumn(page, i.x) && Math.abs(i.size - 9.5) < 0.2);
  return Math.min(...body.map((i) => i.y));
}

/** The titles of a PDF's outline (bookmarks), depth first. */
export async function outlineTitles(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const titles: string[] = [];
  type Node = { title: string; items?: Node[] };
  const walk = (items: Node[] | null | undefined) => {
    for (const i of items ?? []) {
      titles.push(i.title);
      walk(i.items);
    }
  };
  walk((await doc.getOutline()) as Node[] | null);
  await doc.destroy();
  return titles;
}

/** One line of text across the whole page width, top to bottom. */
export interface PdfRow {
  str: string;
  y: number;
  x: number;
}

/**
 * The page's text as rows across the whole width, so a contents line with its page
 * number at the far right is one row. Items are joined with a space (a contents line's
 * parts stand apart without one), then punctuation closes up.
 */
export function fullWidthRows(page: PdfPage): PdfRow[] {
  const groups: { y: number; items: PdfPage['items'] }[] = [];
  for (const it of page.items) {
    const g = groups.find((r) => Math.abs(r.y - it.y) <= 2);
    if (g) g.items.push(it);
    else groups.push({ y: it.y, items: [it] });
  }
  return groups
    .map((g) => {
      g.items.sort((a, b) => a.x - b.x);
      const str = g.items.map((i) => i.str).join(' ').replace(/\s+/g, ' ').replace(/ ([.,;:])/g, '$1').trim();
      return { str, y: g.y, x: g.items[0]!.x };
    })
    .sort((a, b) => b.y - a.y);
}

/** A thin horizontal bar the page paints (a border, a separator rule), in points from the page's bottom left. */
export interface PdfRule {
  page: number;
  x: number;
  y: number;
  width: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * Calls `visit` for every drawing operator of every page, with the current transformation
 * followed through save, restore and transform (pdfjs's operator list).
 */
async function eachOperator(file: string, visit: (page: number, fn: number, args: unknown[], ctm: Matrix) => void): Promise<void> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
      else visit(n, fn, args, ctm);
    });
  }
  await doc.destroy();
}

const apply = (ctm: Matrix, x: number, y: number) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]] as const;

/**
 * The horizontal rules of every page, read from the drawing operators, not from text: paths
 * whose bounding box is at most 1.5 pt high and at least 5 mm wide. Chromium paints a CSS
 * border as such a filled path.
 */
export async function horizontalRules(file: string): Promise<PdfRule[]> {
  const rules: PdfRule[] = [];
  await eachOperator(file, (page, fn, args, ctm) => {
    if (fn !== OPS.constructPath) return;
    const box = args[2] as ArrayLike<number> | null;
    if (!box || box.length < 4) return;
    const [x0, y0] = apply(ctm, box[0]!, box[1]!);
    const [x1, y1] = apply(ctm, box[2]!, box[3]!);
    const width = Math.abs(x1 - x0);
    if (Math.abs(y1 - y0) <= 1.5 && width >= 5 * MM) rules.push({ page, x: Math.min(x0, x1), y: (y0 + y1) / 2, width });
  });
  return rules;
}

/** A raster image as the page paints it, in points from the page's bottom left. */
export interface PdfImage {
  page: number;
  x: number;
  /** The image's bottom edge. */
  y: number;
  width: number;
  height: number;
}

/** Every raster image of every page: the unit square an image is painted into, through the current transformation. */
export async function imageBoxes(file: string): Promise<PdfImage[]> {
  const images: PdfImage[] = [];
  await eachOperator(file, (page, fn, _args, ctm) => {
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject) return;
    const [x0, y0] = apply(ctm, 0, 0);
    const [x1, y1] = apply(ctm, 1, 1);
    images.push({ page, x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) });
  });
  return images;
}
