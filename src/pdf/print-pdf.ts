import type { Browser } from 'puppeteer-core';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RenderedDocument } from '../layout/render-document.js';
import { bounded, Deadline } from './deadline.js';
import { finishPdf } from './finish-pdf.js';
import { paginatePage } from './paginate-page.js';
import { profiled, profiledSync } from '../profile-stages.js';

/** The pages the browser made, as PDF bytes, and what the pagination counted. */
export interface PrintedDocument {
  pdf: Uint8Array;
  pages: number;
  footnotes: number;
  warnings: Diagnostic[];
}

export interface PrintOptions {
  timeoutMs?: number;
  /** The PDF's creation date; default the letter's date, so rebuilds give the same bytes. */
  date?: Date;
}

export async function printPdf(browser: Browser, doc: RenderedDocument, options: PrintOptions = {}): Promise<PrintedDocument> {
  // --timeout bounds the whole render: load, pagination and printing together.
  const deadline = new Deadline(options.timeoutMs ?? 60_000);
  const paginated = await profiled('paginate', () => paginatePage(browser, doc, deadline));
  try {
    const pdf = await profiled('pdf', () => deadline.race(
      paginated.page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
        timeout: deadline.remaining(),
      }),
      'printing the PDF',
    ));
    const finished = profiledSync('finish', () => finishPdf(pdf, {
      title: doc.title,
      author: doc.author,
      subject: doc.title,
      date: options.date ?? new Date(`${doc.datum}T00:00:00Z`),
    }));
    return { pdf: finished, pages: paginated.pages, footnotes: paginated.footnotes, warnings: paginated.warnings };
  } finally {
    await bounded(paginated.page.close(), 1000);
  }
}
