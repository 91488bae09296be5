import type { Browser } from 'puppeteer-core';
import type { RenderedDocument } from '../src/layout/render-document.js';
import { printPdf } from '../src/pdf/print-pdf.js';
import { DOCUMENT_ORIGIN } from '../src/pdf/paginate-page.js';
import { contentType } from '../src/layout/content-type.js';
import { countPages } from './native-cli.js';
import { printNative } from './native-page.js';

export interface WarmTimes {
  paged: number[];
  native: number[];
  /** Page counts, to show both produced a real letter (they paginate differently). */
  pages: { paged: number; native: number };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/**
 * Warm: one browser, already running, for both sides, so launch cost is out of the
 * picture and only the per-document work is compared: printPdf (page runner +
 * page.pdf) against the native print of the same HTML. Order swaps every round.
 */
export async function measureWarm(browser: Browser, doc: RenderedDocument, rounds: number, log: (m: string) => void): Promise<WarmTimes> {
  const source = { html: doc.html, asset: (url: string) => doc.assets.get(url), contentType };
  const paged = () => timed(() => printPdf(browser, doc));
  const native = () => timed(() => printNative(browser, source, DOCUMENT_ORIGIN));
  // Discarded warm-up of each: the first page in a fresh browser compiles and caches more.
  const first = await paged();
  const firstNative = await native();
  const times: WarmTimes = {
    paged: [],
    native: [],
    pages: { paged: first.value.pages, native: countPages(firstNative.value) },
  };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      times.paged.push((await paged()).ms);
      times.native.push((await native()).ms);
    } else {
      times.native.push((await native()).ms);
      times.paged.push((await paged()).ms);
    }
    log(`warm round ${i + 1}/${rounds}`);
  }
  return times;
}
