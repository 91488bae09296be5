import { readFileSync } from 'node:fs';
import type { Browser, HTTPRequest } from 'puppeteer-core';
import { RenderError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RenderedDocument } from '../layout/render-document.js';
import { finishPdf } from './finish-pdf.js';
import { contentType } from '../layout/content-type.js';

/** The pages the browser made, as PDF bytes, and what the pagination counted. */
export interface PrintedDocument {
  pdf: Uint8Array;
  pages: number;
  footnotes: number;
  warnings: Diagnostic[];
}

/**
 * A made-up origin: every request to it is answered from the document's asset map,
 * and every other request is refused, so rendering never touches the network and
 * never reads a file the layout did not register. (.invalid never resolves in DNS.)
 */
export const DOCUMENT_ORIGIN = 'http://voortgangsbrief.invalid/';

export interface PrintOptions {
  timeoutMs?: number;
  /** The PDF's creation date; default the letter's date, so rebuilds give the same bytes. */
  date?: Date;
}

export async function printPdf(browser: Browser, doc: RenderedDocument, options: PrintOptions = {}): Promise<PrintedDocument> {
  const timeout = options.timeoutMs ?? 60_000;
  const page = await browser.newPage();
  const warnings: Diagnostic[] = [];
  try {
    await page.setJavaScriptEnabled(true);
    await page.setRequestInterception(true);
    page.on('request', (request) => void answer(request, doc, warnings));
    await page.goto(`${DOCUMENT_ORIGIN}index.html`, { waitUntil: 'load', timeout });
    const handle = await page
      .waitForFunction('(window.__vbFout && { fout: window.__vbFout }) || window.__vbResultaat', { timeout, polling: 50 })
      .catch((err: Error) => {
        throw new RenderError(`pagination did not finish within ${Math.round(timeout / 1000)} s (${err.message.split('\n')[0]})`);
      });
    const result = (await handle.jsonValue()) as { pages?: number; footnotes?: number; fout?: string };
    if (result.fout) throw new RenderError(`pagination failed in the browser: ${result.fout}`);
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      outline: true,
      timeout,
    });
    const finished = finishPdf(pdf, {
      title: doc.title,
      author: doc.author,
      subject: doc.title,
      date: options.date ?? new Date(`${doc.datum}T00:00:00Z`),
    });
    return { pdf: finished, pages: result.pages ?? 0, footnotes: result.footnotes ?? 0, warnings };
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function answer(request: HTTPRequest, doc: RenderedDocument, warnings: Diagnostic[]): Promise<void> {
  const url = request.url();
  if (url.startsWith(DOCUMENT_ORIGIN)) {
    const rel = decodeURIComponent(url.slice(DOCUMENT_ORIGIN.length).split(/[?#]/)[0] ?? '');
    if (rel === 'index.html') {
      return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: doc.html });
    }
    const file = doc.assets.get(rel);
    if (file) return request.respond({ status: 200, contentType: contentType(rel), body: readFileSync(file) });
  }
  // Browsers ask for a favicon on their own; that is not the letter's doing.
  if (url === `${DOCUMENT_ORIGIN}favicon.ico`) return request.respond({ status: 404, body: '' });
  if (!url.startsWith('data:')) {
    warnings.push({
      file: '(rendered page)',
      line: 1,
      column: 1,
      severity: 'warning',
      message: `blocked a request for ${url.slice(0, 200)}`,
      hint: 'a letter may only use files from its own project folder',
    });
  }
  return url.startsWith('data:') ? request.continue() : request.abort('blockedbyclient');
}
