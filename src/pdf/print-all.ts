import os from 'node:os';
import type { Browser } from 'puppeteer-core';
import { RenderError } from '../diagnostics/diagnostic.js';
import type { RenderedDocument } from '../layout/render-document.js';
import { printPdf, type PrintedDocument, type PrintOptions } from './print-pdf.js';

/**
 * Documents printed at once in one browser. Each page gets its own renderer process,
 * so two pages use both cores of a small machine; more only take turns and cost
 * memory (about 80 MB a page). Measured in bench/ (P4).
 */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/**
 * Prints every document, at most `concurrency` at a time, and returns the results in
 * the documents' order. The first failure stops new work; pages already printing
 * finish (and are closed) before the error is passed on.
 */
export async function printAll(
  browser: Browser,
  docs: readonly RenderedDocument[],
  options: PrintOptions & {
    concurrency?: number;
    onStart?: (doc: RenderedDocument) => void;
    /** Called once every document's PDF has come out of Chromium: the browser is not needed after that. */
    onAllPrinted?: () => void;
  } = {},
): Promise<PrintedDocument[]> {
  const results: PrintedDocument[] = new Array(docs.length);
  let next = 0;
  let printed = 0;
  const onPdf = () => {
    if (++printed === docs.length) options.onAllPrinted?.();
  };
  let failure: { err: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < docs.length) {
      const i = next++;
      const doc = docs[i]!;
      options.onStart?.(doc);
      try {
        results[i] = await printPdf(browser, doc, { ...options, onPdf });
      } catch (err) {
        failure ??= { err: asRenderError(err, doc) };
      }
    }
  };
  const workers = Math.min(docs.length, options.concurrency ?? defaultConcurrency());
  await Promise.all(Array.from({ length: workers }, worker));
  if (failure) throw failure.err;
  return results;
}

/** Chromium that crashed or went away mid-render is a browser failure (exit 3), in one line. */
function asRenderError(err: unknown, doc: RenderedDocument): unknown {
  const e = err as Error;
  const fromBrowser = /^(TargetCloseError|ProtocolError|ConnectionClosedError)$/.test(e?.name ?? '') ||
    /frame was detached|Target closed|Session closed|Connection closed|Protocol error|Page crashed/i.test(e?.message ?? '');
  if (!fromBrowser) return err;
  return new RenderError(`Chromium stopped while rendering ${doc.name}.pdf (${(e.message ?? '').split('\n')[0]}); nothing was written. Run the build again; if it keeps happening, check the machine's memory and report it`);
}
