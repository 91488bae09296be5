import path from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import { printToFiles, type BuildOptions } from '../build.js';
import { InputError, wholeFile, type Diagnostic } from '../diagnostics/diagnostic.js';
import { openBrowser, type BrowserSession } from '../pdf/browser-session.js';
import { bounded, Deadline, DeadlineExpired, DEFAULT_TIMEOUT_MS } from '../pdf/deadline.js';
import { PagePool } from '../pdf/page-pool.js';
import { PreviewServer } from './preview-server.js';
import { CheckerStopped, WatchChecker } from './watch-checker.js';

export interface WatchOptions extends Pick<BuildOptions, 'dir' | 'out' | 'overrides' | 'browser' | 'browserWSEndpoint' | 'timeoutMs'> {
  /** Port of the preview; 0 picks a free one. */
  port?: number;
  /** Address the preview listens on (default 127.0.0.1, this machine only). */
  host?: string;
  /** Also rewrite the PDF after each change (default true). */
  pdf?: boolean;
  onEvent?: (event: WatchEvent) => void;
}

export type WatchEvent =
  /** rendered/reused: Markdown parts rendered for this change, and taken from the cache. */
  | { kind: 'preview'; ms: number; rendered: number; reused: number }
  | { kind: 'pdf'; ms: number; pdf: string; pages: number }
  | { kind: 'errors'; diagnostics: Diagnostic[] }
  | { kind: 'failure'; message: string };

export interface WatchSession {
  url: string;
  /** Resolves when the preview and PDF reflect every change seen so far. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Rebuilds when any input of the project changes. The HTML preview is updated
 * first, since it needs no browser; the PDF follows with one browser kept open
 * for the whole session. A change during a PDF render queues one more render.
 */
export async function watchProject(options: WatchOptions = {}): Promise<WatchSession> {
  const dir = path.resolve(options.dir ?? '.');
  const out = path.resolve(options.out ?? path.join(dir, 'output'));
  const emit = options.onEvent ?? (() => undefined);
  const server = new PreviewServer();
  const url = await server.listen(options.port ?? 4173, options.host);
  // Unchanged sections and data files are not parsed or rendered again (src/cache/memo.ts),
  // and the first build reads what earlier runs left in the parse cache. The check runs
  // in a worker, so a slow or hostile edit never blocks the preview or Ctrl+C.
  const checker = new WatchChecker(dir, options.overrides);
  let closing = false;
  let session: BrowserSession | undefined;
  // One page kept for the whole session: opening a page per change costs ~50 ms.
  let pool: PagePool | undefined;
  let running: Promise<void> = Promise.resolve();
  let queued = false;

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    // Each rebuild, check and PDF, has --timeout (default a minute) to finish.
    const deadline = new Deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 'rebuild');
    let checked;
    try {
      checked = await checker.check(deadline);
    } catch (err) {
      const diagnostics = checkFailure(err, dir);
      if (!diagnostics) throw err;
      server.update({ errors: diagnostics });
      return emit({ kind: 'errors', diagnostics });
    }
    const doc = checked.documents[0];
    if (doc) server.update({ doc });
    emit({ kind: 'preview', ms: Math.round(performance.now() - started), rendered: checked.rendered, reused: checked.reused });
    if (options.pdf === false) return;
    session ??= await openBrowser({
      ...(options.browser ? { executablePath: options.browser } : {}),
      ...(options.browserWSEndpoint ? { browserWSEndpoint: options.browserWSEndpoint } : {}),
    });
    pool ??= new PagePool(session.browser, session.takeStartPage);
    const written = await printToFiles(session.browser, [{ checked, out }], { pool, deadline });
    for (const d of written.documents) emit({ kind: 'pdf', ms: Math.round(performance.now() - started), pdf: d.pdf, pages: d.pages });
  };

  const schedule = (): Promise<void> => {
    if (queued) return running;
    queued = true;
    running = running.then(async () => {
      queued = false;
      if (closing) return;
      try {
        await rebuild();
      } catch (err) {
        if (!closing && !(err instanceof CheckerStopped)) emit({ kind: 'failure', message: (err as Error).message });
      }
    });
    return running;
  };

  const watcher: FSWatcher = chokidar.watch(dir, {
    ignoreInitial: true,
    // The output folder is written by us; watching it would rebuild forever.
    ignored: (file) => file === out || file.startsWith(out + path.sep) || /(^|[/\\])(\.|node_modules)/.test(path.relative(dir, file)),
    // A file is read once its size has held for 10 ms: an editor's save is one write or
    // a rename, and a write still under way when it is read only means one more
    // rebuild, queued by its next event. The wait is part of every preview refresh
    // (P3 preview, < 100 ms; 30 ms before, docs/decisions.md).
    awaitWriteFinish: { stabilityThreshold: 10, pollInterval: 5 },
  });
  watcher.on('all', () => void schedule());
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  await schedule();

  return {
    url,
    settled: async () => {
      let current;
      do {
        current = running;
        await current;
      } while (current !== running);
    },
    close: async () => {
      closing = true;
      await watcher.close();
      // A check in progress is ended, not waited for: Ctrl+C must not wait for a long parse.
      await checker.stop();
      // A PDF being printed gets a moment to finish; then the browser is killed, not closed.
      let idle = false;
      void running.then(() => (idle = true), () => (idle = true));
      await bounded(running, 500);
      await server.close();
      if (idle) {
        await pool?.close();
        await session?.close();
      } else {
        await session?.kill();
      }
    },
  };
}

/**
 * What the preview shows when a rebuild's check fails: the author's mistakes, or a
 * check that ran out of time, as a diagnostic of the project (watch goes on). Anything
 * else is a failure of the tool, reported as such.
 */
function checkFailure(err: unknown, dir: string): Diagnostic[] | undefined {
  if (err instanceof InputError) return err.diagnostics;
  if (err instanceof DeadlineExpired) {
    return [{ ...wholeFile(dir), severity: 'error', message: err.message, hint: 'it is checked again at the next save', rule: 'rebuild-timeout' }];
  }
  return undefined;
}
