import { Worker } from 'node:worker_threads';
import type { BuildCache } from '../build-cache.js';
import type { CheckedProject } from '../check-projects.js';
import { reviveDocument } from '../check-in-worker.js';
import { checkWorkerFile, workerFailure, type WorkerReply } from '../check-worker-thread.js';
import type { Deadline } from '../pdf/deadline.js';
import type { WatchCheckResult } from './serve-watch-checks.js';

/** One rebuild's check: the documents and warnings, and how many Markdown parts were rendered or reused. */
export type WatchCheck = CheckedProject & { rendered: number; reused: number };

/** The check was ended by close(), not by a mistake: nothing to report. */
export class CheckerStopped extends Error {}

interface Pending {
  id: number;
  resolve: (result: WatchCheck) => void;
  reject: (err: Error) => void;
}

/**
 * Checks for watch in one worker thread that lives as long as the session, so its
 * cache of parses and renders stays warm between saves (src/watch/serve-watch-checks.ts),
 * while the main thread goes on serving the preview and hearing Ctrl+C. A check that
 * runs past its deadline is ended by terminating the worker; the next rebuild starts a
 * fresh one (which finds the parse cache on disk). Without the compiled worker (tests
 * that run the TypeScript sources) the check runs in this thread, with the same cache.
 */
export class WatchChecker {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private nextId = 0;
  private cache: BuildCache | undefined;
  private stopped = false;

  constructor(
    private readonly dir: string,
    private readonly overrides: Record<string, unknown> | undefined,
  ) {}

  async check(deadline: Deadline): Promise<WatchCheck> {
    if (this.stopped) throw new CheckerStopped('watch was stopped');
    const file = checkWorkerFile();
    if (!file) return this.checkHere();
    const worker = (this.worker ??= this.start(file));
    const id = ++this.nextId;
    const reply = new Promise<WatchCheck>((resolve, reject) => (this.pending = { id, resolve, reject }));
    try {
      worker.postMessage({ id });
      return await deadline.race(reply, 'checking the project');
    } catch (err) {
      // A check that did not answer (time up, stopped) may still be running: end it.
      if (this.pending?.id === id) this.drop(worker);
      throw err;
    } finally {
      if (this.pending?.id === id) this.pending = undefined;
    }
  }

  /** Ends the check in progress, if any, and the worker. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.pending?.reject(new CheckerStopped('watch was stopped'));
    this.pending = undefined;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(file: string): Worker {
    const worker = new Worker(file, { workerData: { mode: 'watch', dir: this.dir, ...(this.overrides ? { overrides: this.overrides } : {}) } });
    worker.on('message', (reply: WorkerReply<WatchCheckResult> & { id: number }) => {
      const pending = this.pending;
      if (!pending || pending.id !== reply.id) return;
      this.pending = undefined;
      if (!reply.ok) return pending.reject(workerFailure(reply));
      const { documents, warnings, rendered, reused } = reply;
      pending.resolve({ documents: documents.map(reviveDocument), warnings, rendered, reused });
    });
    const gone = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.pending?.reject(err);
      this.pending = undefined;
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the check stopped unexpectedly (exit code ${code})`)));
    return worker;
  }

  private drop(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    void worker.terminate();
  }

  private async checkHere(): Promise<WatchCheck> {
    const [{ check }, { createBuildCache, persistentBuildCache }] = await Promise.all([import('../check.js'), import('../build-cache.js')]);
    const cache = (this.cache ??= persistentBuildCache(this.dir) ?? createBuildCache());
    const { hits, misses } = cache.markdown;
    const checked = check({ dir: this.dir, cache, ...(this.overrides ? { overrides: this.overrides } : {}) });
    return { documents: checked.documents, warnings: checked.warnings, rendered: cache.markdown.misses - misses, reused: cache.markdown.hits - hits };
  }
}
