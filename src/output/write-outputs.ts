import path from 'node:path';
import type { RenderedDocument } from '../layout/render-document.js';
import type { PrintedDocument } from '../pdf/print-pdf.js';
import { writeStaged, type WriteOps } from './write-staged.js';

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
  return writeAllOutputs([{ out: outDir, doc, printed }])[0]!;
}

/** Every document of a build in one staged write: all files or none (src/output/write-staged.ts). */
export function writeAllOutputs(jobs: readonly { out: string; doc: RenderedDocument; printed: PrintedDocument }[], ops?: WriteOps): WrittenDocument[] {
  const files = new Map<string, string | Uint8Array>();
  const written = jobs.map(({ out, doc, printed }) => {
    for (const url of doc.assets.urls()) files.set(path.join(out, url), doc.assets.read(url)!);
    const html = path.join(out, `${doc.name}.html`);
    const pdf = path.join(out, `${doc.name}.pdf`);
    files.set(html, doc.html);
    files.set(pdf, printed.pdf);
    return { pdf, html, pages: printed.pages, footnotes: printed.footnotes };
  });
  writeStaged([...files].map(([file, data]) => ({ file, data })), ops);
  return written;
}
