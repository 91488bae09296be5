import path from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import { printToFiles, type BuildOptions } from '../build.js';
import { check } from '../check.js';
import { createBuildCache, persistentBuildCache } from '../build-cache.js';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { openBrowser, type BrowserSession } from '../pdf/browser-session.js';
import { PagePool } from '../pdf/page-pool.js';
import { PreviewServer } from './preview-server.js';

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
  // and the first build reads what earlier runs left in the parse cache.
  const cache = persistentBuildCache(options.dir ?? '.') ?? createBuildCache();
  let session: BrowserSession | undefined;
  // One page kept for the whole session: opening a page per change costs ~50 ms.
  let pool: PagePool | undefined;
  let running: Promise<void> = Promise.resolve();
  let queued = false;

  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    const { hits, misses } = cache.markdown;
    let checked;
    try {
      checked = check({ dir, cache, ...(options.overrides ? { overrides: options.overrides } : {}) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      server.update({ errors: err.diagnostics });
      return emit({ kind: 'errors', diagnostics: err.diagnostics });
    }
    const doc = checked.documents[0];
    if (doc) server.update({ doc });
    emit({ kind: 'preview', ms: Math.round(performance.now() - started), rendered: cache.markdown.misses - misses, reused: cache.markdown.hits - hits });
    if (options.pdf === false) return;
    session ??= await openBrowser({
      ...(options.browser ? { executablePath: options.browser } : {}),
      ...(options.browserWSEndpoint ? { browserWSEndpoint: options.browserWSEndpoint } : {}),
    });
    pool ??= new PagePool(session.browser);
    const written = await printToFiles(session.browser, [{ checked, out }], { pool, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    for (const d of written.documents) emit({ kind: 'pdf', ms: Math.round(performance.now() - started), pdf: d.pdf, pages: d.pages });
  };

  const schedule = (): Promise<void> => {
    if (queued) return running;
    queued = true;
    running = running.then(async () => {
      queued = false;
      try {
        await rebuild();
      } catch (err) {
        emit({ kind: 'failure', message: (err as Error).message });
      }
    });
    return running;
  };

  const watcher: FSWatcher = chokidar.watch(dir, {
    ignoreInitial: true,
    // The output folder is written by us; watching it would rebuild forever.
    ignored: (file) => file === out || file.startsWith(out + path.sep) || /(^|[/\\])(\.|node_modules)/.test(path.relative(dir, file)),
    awaitWriteFinish: { stabilityThreshold: 30, pollInterval: 10 },
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
      await watcher.close();
      await running.catch(() => undefined);
      await server.close();
      await pool?.close();
      await session?.close();
    },
  };
}
