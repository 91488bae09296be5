/**
 * Cold baseline: one fresh node process that launches Chromium, prints the letter's
 * final HTML without the page runner and exits; run-bench.ts times the whole process.
 *
 * Usage (compiled by compile-native.ts, run with plain node so it starts as fast as
 * bin/voortgangsbrief.js does — tsx's loader alone adds ~0.12 s here):
 *   node native-print.js <dist-url> <html-file> <out-pdf>
 *
 * <dist-url> is the file: URL of the project's dist/ folder. The browser is launched
 * through dist's own openBrowser, so the flags, user-data-dir and executable lookup are
 * exactly those of the CLI, with nothing copied that could drift.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as BrowserSessionModule from '../src/pdf/browser-session.js';
import type * as PaginatePageModule from '../src/pdf/paginate-page.js';
import type * as ContentTypeModule from '../src/layout/content-type.js';
import { printNative } from './native-page.js';

const [distUrl, htmlFile, outPdf] = process.argv.slice(2);
if (!distUrl || !htmlFile || !outPdf) {
  process.stderr.write('usage: native-print <dist-url> <html-file> <out-pdf>\n');
  process.exit(2);
}

const { openBrowser } = (await import(new URL('pdf/browser-session.js', distUrl).href)) as typeof BrowserSessionModule;
const { DOCUMENT_ORIGIN } = (await import(new URL('pdf/paginate-page.js', distUrl).href)) as typeof PaginatePageModule;
const { contentType } = (await import(new URL('layout/content-type.js', distUrl).href)) as typeof ContentTypeModule;

// The written output folder holds the HTML and, beside it, every registered asset at its
// URL path under assets/ (write-outputs.ts); anything else (a favicon, the PDF) is not one.
const assets = path.join(path.dirname(path.resolve(htmlFile)), 'assets');
const asset = (url: string): string | undefined => {
  const file = path.resolve(path.dirname(assets), url);
  return file.startsWith(assets + path.sep) && existsSync(file) ? file : undefined;
};

const session = await openBrowser();
try {
  const pdf = await printNative(session.browser, { html: readFileSync(htmlFile, 'utf8'), asset, contentType }, DOCUMENT_ORIGIN);
  writeFileSync(outPdf, pdf);
} finally {
  await session.close();
}
