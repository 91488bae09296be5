import type { Browser } from 'puppeteer-core';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RenderedDocument } from '../layout/render-document.js';
import { profiled, profiledSync } from '../profile-stages.js';
import { Deadline } from './deadline.js';
import { finishPdf } from './finish-pdf.js';
import { prepareForPdf } from './prepare-for-pdf.js';
import type { PagePool } from './page-pool.js';
import { DocumentPage } from './paginate-page.js';

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
  /** Pages to print in and give back; without one, a page is opened and closed. */
  pool?: PagePool;
  /** The build's own deadline, which began before the print (it covers the check too). */
  deadline?: Deadline;
  /** Called once Chromium has handed over the PDF, before it is finished here. */
  onPdf?: () => void;
}

export async function printPdf(browser: Browser, doc: RenderedDocument, options: PrintOptions = {}): Promise<PrintedDocument> {
  // --timeout bounds the whole render: load, pagination and printing together.
  const deadline = options.deadline ?? new Deadline(options.timeoutMs ?? 60_000);
  const page = options.pool ? await options.pool.take(deadline) : await DocumentPage.open(browser, deadline);
  let reusable = false;
  try {
    const paginated = await profiled('paginate', () => page.paginate(doc, deadline));
    const marks = await deadline.race(prepareForPdf(page.page), 'printing the PDF');
    const pdf = await profiled('pdf', () =>
      deadline.race(
        page.page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          tagged: true,
          outline: true,
          // The page runner has waited for the fonts before it paginated; puppeteer's
          // own wait is one more evaluation in a world of its own (~10–30 ms).
          waitForFonts: false,
          timeout: deadline.remaining(),
        }),
        'printing the PDF',
      ),
    );
    const warnings = await page.warningsAfterPrint(paginated.warnings, deadline);
    options.onPdf?.();
    const finished = profiledSync('finish', () =>
      finishPdf(pdf, {
        title: doc.title,
        author: doc.author,
        subject: doc.title,
        date: options.date ?? new Date(`${doc.datum}T00:00:00Z`),
        ...marks,
      }),
    );
    reusable = true;
    return { pdf: finished, pages: paginated.pages, footnotes: paginated.footnotes, warnings };
  } finally {
    // A page that failed may be stuck; only a page that printed is used again.
    if (reusable && options.pool) options.pool.give(page);
    else await page.close();
  }
}
