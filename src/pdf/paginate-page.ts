import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { RenderError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { contentType } from '../layout/content-type.js';
import type { RenderedDocument } from '../layout/render-document.js';

/**
 * A made-up origin: every request to it is answered from the document's asset map,
 * and every other request is refused, so rendering never touches the network and
 * never reads a file the layout did not register. (.invalid never resolves in DNS.)
 */
export const DOCUMENT_ORIGIN = 'http://voortgangsbrief.invalid/';

/** A browser page holding the document after Paged.js has laid it out. */
export interface PaginatedPage {
  page: Page;
  pages: number;
  footnotes: number;
  warnings: Diagnostic[];
}

/** Opens the document in a new page and waits for pagination; the caller closes the page. */
export async function paginatePage(browser: Browser, doc: RenderedDocument, timeout: number): Promise<PaginatedPage> {
  const page = await browser.newPage();
  const warnings: Diagnostic[] = [];
  try {
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
    return { page, pages: result.pages ?? 0, footnotes: result.footnotes ?? 0, warnings };
  } catch (err) {
    await page.close().catch(() => undefined);
    throw err;
  }
}

async function answer(request: HTTPRequest, doc: RenderedDocument, warnings: Diagnostic[]): Promise<void> {
  const url = request.url();
  if (url.startsWith(DOCUMENT_ORIGIN)) {
    const rel = decodeURIComponent(url.slice(DOCUMENT_ORIGIN.length).split(/[?#]/)[0] ?? '');
    if (rel === 'index.html') {
      return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: doc.html });
    }
    const body = doc.assets.read(rel);
    if (body) return request.respond({ status: 200, contentType: contentType(rel), body });
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
