import path from 'node:path';
import { InputError, type Diagnostic } from './diagnostics/diagnostic.js';
import { buildLetterModel, type LetterModel } from './model/build-letter-model.js';
import { renderDocument, type RenderedDocument } from './layout/render-document.js';
import type { Browser } from 'puppeteer-core';
import { openBrowser, type BrowserSession } from './pdf/browser-session.js';
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
  onProgress?: (message: string) => void;
}

export interface BuildResult {
  documents: WrittenDocument[];
  warnings: Diagnostic[];
  durationMs: number;
}

export interface CheckResult {
  model: LetterModel;
  documents: RenderedDocument[];
  warnings: Diagnostic[];
}

/** Everything but the browser: validates the whole project and renders its HTML in memory. */
export function check(options: Pick<BuildOptions, 'dir' | 'overrides'> = {}): CheckResult {
  const model = buildLetterModel(options.dir ?? '.', options.overrides ? { overrides: options.overrides } : {});
  const doc = renderDocument(model);
  return { model, documents: [doc], warnings: doc.warnings };
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const dir = path.resolve(options.dir ?? '.');
  const checked = check({ dir, ...(options.overrides ? { overrides: options.overrides } : {}) });
  const configured = typeof checked.model.data.browser === 'string' ? checked.model.data.browser : undefined;
  let session: BrowserSession | undefined;
  try {
    session = await openBrowser({
      ...(options.browser ? { executablePath: options.browser } : {}),
      ...(configured ? { configuredPath: configured } : {}),
      ...(options.browserWSEndpoint ? { browserWSEndpoint: options.browserWSEndpoint } : {}),
    });
    const written = await printToFiles(session.browser, checked, path.resolve(options.out ?? path.join(dir, 'output')), options);
    return { ...written, durationMs: Math.round(performance.now() - started) };
  } finally {
    await session?.close();
  }
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

/** With --strict a warning fails the run like an error. */
export function failOnWarnings(warnings: readonly Diagnostic[]): void {
  if (warnings.length) throw new InputError(warnings.map((w) => ({ ...w, severity: 'error' as const })));
}
