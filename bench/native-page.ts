import { readFileSync } from 'node:fs';
import type { Browser, HTTPRequest } from 'puppeteer-core';

/**
 * Chromium's own print of the letter's HTML, with no pagination engine: the floor
 * under any Chromium-based pipeline. Everything else copies src/pdf/print-pdf.ts
 * (same made-up origin, same request interception, same page.pdf options), so the
 * difference between the two is what the page runner costs, in a browser that is
 * already running (P1warm, P3). The cold floor is native-cli.ts.
 */

export interface NativeSource {
  /** The final HTML, as the CLI writes it and as printPdf serves it. */
  html: string;
  /** File on disk for an asset URL such as "assets/fonts/x.woff2", or undefined. */
  asset(url: string): string | undefined;
  /** The MIME type of an asset URL (src/layout/content-type.ts). */
  contentType(url: string): string;
}

/**
 * Removes every <script> element. The letter's only script is the page runner;
 * without it the page is plain HTML + CSS.
 */
export function stripScripts(html: string): { html: string; removed: number } {
  let removed = 0;
  const stripped = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, () => {
    removed++;
    return '';
  });
  return { html: stripped, removed };
}

export async function printNative(browser: Browser, source: NativeSource, origin: string, timeout = 60_000): Promise<Uint8Array> {
  const { html } = stripScripts(source.html);
  const page = await browser.newPage();
  try {
    // Same setup as printPdf, so both pay for interception; JS stays on for fonts.ready.
    await page.setJavaScriptEnabled(true);
    await page.setRequestInterception(true);
    page.on('request', (request) => void answer(request, html, source, origin));
    await page.goto(`${origin}index.html`, { waitUntil: 'load', timeout });
    // The page runner waits for the font faces before layout; the fair equivalent here.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // tagged/outline as in printPdf: puppeteer 24 defaults outline to false, and leaving it
    // off would charge the outline's cost to the page runner.
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true, timeout });
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function answer(request: HTTPRequest, html: string, source: NativeSource, origin: string): Promise<void> {
  const url = request.url();
  if (url.startsWith(origin)) {
    const rel = decodeURIComponent(url.slice(origin.length).split(/[?#]/)[0] ?? '');
    if (rel === 'index.html') return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    const file = rel.endsWith('.js') ? undefined : source.asset(rel);
    if (file) return request.respond({ status: 200, contentType: source.contentType(rel), body: readFileSync(file) });
  }
  if (url.startsWith('data:')) return request.continue();
  // Anything else (favicon, a script that slipped through) is refused, as printPdf does.
  return request.abort('blockedbyclient');
}
