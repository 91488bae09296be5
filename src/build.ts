import path from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { failOnWarnings } from './fail-on-warnings.js';
import { check, type CheckResult } from './check.js';

export { check, type CheckResult };
import type { Browser } from 'puppeteer-core';
import { openBrowser, type BrowserSession } from './pdf/browser-session.js';
import { BROWSER_ENV } from './pdf/find-browser.js';
import { printPdf } from './pdf/print-pdf.js';
import { writeOutputs, type WrittenDocument } from './output/write-outputs.js';

export interface BuildOptions {
  /** The letter project; default the current folder. */
  dir?: string;
  /** Output folder; default `<dir>/output`. */
  out?: string;
  /** Highest layer of the data cascade (`--set`). */
  overrides?: Record<string, unknown>;
  /** Path to Chromium; see find-browser.ts for the search order. */
  browser?: string;
  /** Reuse a running browser instead of starting one. */
  browserWSEndpoint?: string;
  timeoutMs?: number;
  /** Treat warnings as errors: fail before anything is written. */
  strict?: boolean;
  /** One PDF per document: the letter and each bijlage (also `uitvoer.splitsen: true`). */
  split?: boolean;
  onProgress?: (message: string) => void;
}

export interface BuildResult {
  documents: WrittenDocument[];
  warnings: Diagnostic[];
  durationMs: number;
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const dir = path.resolve(options.dir ?? '.');
  // Chromium starts while the project is parsed and rendered: on two cores this hides
  // most of its launch time. A mistake in the project still wins over a browser problem.
  const early = launch(options, undefined);
  early.catch(() => undefined);
  let checked: CheckResult;
  try {
    checked = check({ dir, ...(options.overrides ? { overrides: options.overrides } : {}), ...(options.split ? { split: true } : {}) });
  } catch (err) {
    await early.then((s) => s.close()).catch(() => undefined);
    throw err;
  }
  const configured = typeof checked.model.data.browser === 'string' ? checked.model.data.browser : undefined;
  let session: BrowserSession | undefined;
  try {
    session = await early.catch((err) => (configured ? undefined : Promise.reject(err)));
    // The project names its own browser (and no flag or environment overrides it): use that one.
    if (configured && !options.browser && !options.browserWSEndpoint && !process.env[BROWSER_ENV] && session?.executablePath !== configured) {
      await session?.close();
      session = await launch(options, configured);
    }
    if (!session) session = await launch(options, configured);
    const written = await printToFiles(session.browser, checked, path.resolve(options.out ?? path.join(dir, 'output')), options);
    return { ...written, durationMs: Math.round(performance.now() - started) };
  } finally {
    await session?.close();
  }
}

function launch(options: BuildOptions, configured: string | undefined): Promise<BrowserSession> {
  return openBrowser({
    ...(options.browser ? { executablePath: options.browser } : {}),
    ...(configured ? { configuredPath: configured } : {}),
    ...(options.browserWSEndpoint ? { browserWSEndpoint: options.browserWSEndpoint } : {}),
  });
}

/**
 * Prints every checked document in a browser that stays open (one per run, or one
 * per watch session) and only then writes the files, so a failure leaves the
 * previous output as it was.
 */
export async function printToFiles(
  browser: Browser,
  checked: CheckResult,
  out: string,
  options: Pick<BuildOptions, 'timeoutMs' | 'strict' | 'onProgress'> = {},
): Promise<Omit<BuildResult, 'durationMs'>> {
  const progress = options.onProgress ?? (() => undefined);
  const warnings = [...checked.warnings];
  const printed = [];
  for (const doc of checked.documents) {
    progress(`rendering ${doc.name}.pdf`);
    const result = await printPdf(browser, doc, {
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(sourceDate() ? { date: sourceDate() } : {}),
    });
    warnings.push(...result.warnings);
    printed.push({ doc, result });
  }
  if (options.strict) failOnWarnings(warnings);
  const documents = printed.map(({ doc, result }) => writeOutputs(out, doc, result));
  for (const d of documents) progress(`wrote ${path.relative(process.cwd(), d.pdf) || d.pdf} (${d.pages} pages)`);
  return { documents, warnings };
}

/** SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention, fixes the PDF's dates. */
function sourceDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}
