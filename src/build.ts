import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { CheckedProject } from './check-projects.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { checkInWorker } from './check-in-worker.js';
import { failOnWarnings } from './fail-on-warnings.js';
import { profiled, profiledSync } from './profile-stages.js';
import { Deadline, DEFAULT_TIMEOUT_MS } from './pdf/deadline.js';
import { RenderError } from './diagnostics/diagnostic.js';
import { openBrowser, type BrowserSession } from './pdf/browser-session.js';
import { PagePool } from './pdf/page-pool.js';
import { printAll } from './pdf/print-all.js';
import { writeAllOutputs, type WrittenDocument } from './output/write-outputs.js';

export interface BuildOptions {
  /** The letter project; default the current folder. */
  dir?: string;
  /** Output folder; default `<dir>/output`. With several projects, `<out>/<project folder name>`. */
  out?: string;
  /** Highest layer of the data cascade (`--set`). */
  overrides?: Record<string, unknown>;
  /** Path to Chromium; see find-browser.ts for the search order (never from the project). */
  browser?: string;
  /** Reuse a running browser instead of starting one. */
  browserWSEndpoint?: string;
  timeoutMs?: number;
  /** Treat warnings as errors: fail before anything is written. */
  strict?: boolean;
  /** One PDF per document: the letter and each bijlage (also `uitvoer.splitsen: true`). */
  split?: boolean;
  /** Documents printed at once; default the number of cores, at most 4. */
  concurrency?: number;
  onProgress?: (message: string) => void;
}

export interface BuildResult {
  documents: WrittenDocument[];
  warnings: Diagnostic[];
  durationMs: number;
}

export { DEFAULT_TIMEOUT_MS } from './pdf/deadline.js';

export function build(options: BuildOptions = {}): Promise<BuildResult> {
  return buildProjects([options.dir ?? '.'], options);
}

/**
 * Builds several letter projects in one run: one browser, every document of every
 * project printed in parallel as far as the cores allow. All projects are checked
 * before any is printed, and nothing is written unless all of them succeed.
 */
export async function buildProjects(dirs: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  sourceDate();
  // --timeout covers the whole build, from here: the check, the browser's start, every print.
  const deadline = new Deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const projects = outputFolders(dirs.map((d) => path.resolve(d)), options.out);
  // The check first: its worker (started by bin/, src/early-check.ts) has its code
  // loaded and gets the job at once, before this thread turns to loading puppeteer.
  options.onProgress?.(`checking ${dirs.length === 1 ? dirs[0] : `${dirs.length} projects`}`);
  const checking = checkAll(projects.map((p) => p.dir), options, deadline);
  checking.catch(() => undefined);
  // Chromium starts while the project is checked: the check runs in its worker while
  // the browser starts and puppeteer loads. A mistake in the project still wins over
  // a browser problem.
  const early = profiled('launch', () => launch(options));
  early.catch(() => undefined);
  // As soon as Chromium answers, a page is opened for the first document.
  const earlyPool = early.then((s) => {
    const pool = new PagePool(s.browser, s.takeStartPage);
    pool.prepare();
    return pool;
  });
  earlyPool.catch(() => undefined);
  let checked: CheckedProject[];
  try {
    checked = await checking;
  } catch (err) {
    // The prepared page first: a shared browser (browserWSEndpoint) outlives this build.
    await earlyPool.then((p) => p.close()).catch(() => undefined);
    await early.then((s) => s.kill()).catch(() => undefined);
    throw err;
  }
  let session: BrowserSession | undefined;
  let pool: PagePool | undefined;
  let failed = true;
  try {
    session = await deadline.race(early, 'starting Chromium');
    pool = await earlyPool;
    const browser = session.browser;
    const pages = (pool ??= new PagePool(browser));
    const launched = session.executablePath ? session : undefined;
    const written = await profiled('print', () => printToFiles(
      browser,
      checked.map((c, i) => ({ checked: c, out: projects[i]!.out })),
      {
        ...options,
        pool: pages,
        deadline,
        // Our own Chromium is killed as soon as the last PDF is out of it (see below):
        // its teardown then overlaps with finishing and writing the files.
        ...(launched ? { onAllPrinted: () => void profiled('close', () => launched.kill()) } : {}),
      },
    ));
    failed = false;
    return { ...written, durationMs: Math.round(performance.now() - started) };
  } finally {
    const open = session;
    if (failed) {
      // A render that failed or ran out of time may have left a renderer busy: no polite close.
      await open?.kill();
    } else if (open?.executablePath) {
      // Our own Chromium, once the PDFs are out of it: killed with its process group
      // rather than closed politely (pages, then browser.close(), then its exit), which
      // took 50–70 ms at the end of every build. Begun when the last PDF came out
      // (onAllPrinted); here its end is awaited, so no process or profile outlives the build.
      await open.kill();
    } else {
      // Pages first: a shared browser (browserWSEndpoint) stays open.
      await pool?.close();
      if (open) await profiled('close', () => open.close());
    }
  }
}

/** In a worker that a signal or the deadline can stop at any moment (src/check-in-worker.ts). */
function checkAll(dirs: string[], options: BuildOptions, deadline: Deadline): Promise<CheckedProject[]> {
  return profiled('check', () =>
    checkInWorker(dirs, { ...(options.overrides ? { overrides: options.overrides } : {}), ...(options.split ? { split: true } : {}) }, deadline),
  );
}

function outputFolders(dirs: string[], out: string | undefined): { dir: string; out: string }[] {
  if (dirs.length === 1) return [{ dir: dirs[0]!, out: path.resolve(out ?? path.join(dirs[0]!, 'output')) }];
  if (!out) return dirs.map((dir) => ({ dir, out: path.join(dir, 'output') }));
  // Two projects in folders of the same name (a/brief, b/brief) get brief and brief-2.
  const taken = new Set<string>();
  return dirs.map((dir) => {
    const base = path.basename(dir);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return { dir, out: path.resolve(out, name) };
  });
}

function launch(options: BuildOptions): Promise<BrowserSession> {
  return openBrowser({
    ...(options.browser ? { executablePath: options.browser } : {}),
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
  projects: readonly { checked: Pick<CheckedProject, 'documents' | 'warnings'>; out: string }[],
  options: Pick<BuildOptions, 'timeoutMs' | 'strict' | 'onProgress' | 'concurrency'> & { pool?: PagePool; deadline?: Deadline; onAllPrinted?: () => void } = {},
): Promise<Omit<BuildResult, 'durationMs'>> {
  const progress = options.onProgress ?? (() => undefined);
  const jobs = projects.flatMap(({ checked, out }) => checked.documents.map((doc) => ({ doc, out })));
  const warnings = projects.flatMap((p) => p.checked.warnings);
  const printed = await printAll(
    browser,
    jobs.map((j) => j.doc),
    {
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.deadline ? { deadline: options.deadline } : {}),
      ...(sourceDate() ? { date: sourceDate() } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.pool ? { pool: options.pool } : {}),
      ...(options.onAllPrinted ? { onAllPrinted: options.onAllPrinted } : {}),
      onStart: (doc) => progress(`rendering ${doc.name}.pdf`),
    },
  );
  warnings.push(...printed.flatMap((p) => p.warnings));
  if (options.strict) failOnWarnings(warnings);
  const documents = profiledSync('write', () => writeAllOutputs(jobs.map(({ doc, out }, i) => ({ doc, out, printed: printed[i]! }))));
  for (const d of documents) progress(`wrote ${path.relative(process.cwd(), d.pdf) || d.pdf} (${d.pages} pages)`);
  return { documents, warnings };
}

/** SOURCE_DATE_EPOCH (seconds), the reproducible-builds convention, fixes the PDF's dates. */
function sourceDate(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  // A PDF date has four year digits: 1970 up to the end of 9999.
  if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > 253_402_300_799) {
    throw new RenderError(`SOURCE_DATE_EPOCH=${epoch.slice(0, 40)} is not a number of seconds between 0 and 253402300799 (the end of 9999); fix it or unset it`);
  }
  return new Date(Number(epoch) * 1000);
}
