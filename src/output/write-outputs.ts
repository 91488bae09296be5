import path from 'node:path';
import type { RenderedDocument } from '../layout/render-document.js';
import type { PrintedDocument } from '../pdf/print-pdf.js';
import { writeAtomic } from './write-atomic.js';

export interface WrittenDocument {
  pdf: string;
  html: string;
  pages: number;
  footnotes: number;
}

/**
 * Writes the HTML (with its assets beside it, so it opens as a paginated preview)
 * and then the PDF. Only called once everything has rendered, so an error earlier
 * in the build leaves the previous output untouched.
 */
export function writeOutputs(outDir: string, doc: RenderedDocument, printed: PrintedDocument): WrittenDocument {
  for (const url of doc.assets.urls()) {
    writeAtomic(path.join(outDir, url), doc.assets.read(url)!);
  }
  const html = path.join(outDir, `${doc.name}.html`);
  const pdf = path.join(outDir, `${doc.name}.pdf`);
  writeAtomic(html, doc.html);
  writeAtomic(pdf, printed.pdf);
  return { pdf, html, pages: printed.pages, footnotes: printed.footnotes };
}
