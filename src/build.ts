import path from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { buildLetterModel, type LetterModel } from './model/build-letter-model.js';
import { renderDocument, type RenderedDocument } from './layout/render-document.js';
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
  const progress = options.onProgress ?? (() => undefined);
  const checked = check({ dir, ...(options.overrides ? { overrides: options.overrides } : {}) });
  const out = path.resolve(options.out ?? path.join(dir, 'output'));
  const configured = typeof checked.model.data.browser === 'string' ? checked.model.data.browser : undefined;
  let session: BrowserSession | undefined;
  const warnings = [...checked.warnings];
  try {
    session = await openBrowser({
      ...(options.browser ? { executablePath: options.browser } : {}),
      ...(configured ? { configuredPath: configured } : {}),
      ...(options.browserWSEndpoint ? { browserWSEndpoint: options.browserWSEndpoint } : {}),
    });
    const printed = [];
    for (const doc of checked.documents) {
      progress(`rendering ${doc.name}.pdf`);
      const result = await printPdf(session.browser, doc, {
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...(sourceDate() ? { date: sourceDate() } : {}),
      });
      warnings.push(...result.warnings);
      printed.push({ doc, result });
    }
    const documents = printed.map(({ doc, result }) => writeOutputs(out, doc, result));
    for (const d of documents) progress(`wrote ${path.relative(process.cwd(), d.pdf) || d.pdf} (${d.pages} pages)`);
    return { documents, warnings, durationMs: Math.round(performance.now() - started) };
  } finally {
    await session?.close();
  }
}

/** SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention, fixes the PDF's dates. */
function sourceDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}
