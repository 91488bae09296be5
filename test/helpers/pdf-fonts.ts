import { readFileSync } from 'node:fs';

export interface PdfFonts {
  names: string[];
  descriptors: number;
  embedded: number;
}

/**
 * The fonts a PDF uses, from its raw bytes. Chromium writes PDF 1.4 without object
 * streams, so font dictionaries are plain text; every FontDescriptor of an embedded
 * font carries a FontFile, FontFile2 or FontFile3 entry.
 */
export function pdfFonts(file: string): PdfFonts {
  const raw = readFileSync(file).toString('latin1');
  const names = [...new Set([...raw.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)].map((m) => m[1]!))];
  const descriptors = [...raw.matchAll(/\/Type\s*\/FontDescriptor/g)].length;
  const embedded = [...raw.matchAll(/\/FontFile[23]?\s+\d+\s+0\s+R/g)].length;
  return { names: names.sort(), descriptors, embedded };
}
