import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckedProject, CheckProjectsOptions } from './check-projects.js';
import { InputError, type Diagnostic } from './diagnostics/diagnostic.js';
import { takeEarlyWorker } from './early-check.js';
import { reportStage } from './profile-stages.js';
import { AssetMap, type Asset } from './model/asset-map.js';
import type { RenderedDocument } from './layout/render-document.js';
import type { Deadline } from './pdf/deadline.js';

type Reply =
  | { ok: true; projects: (Omit<CheckedProject, 'documents'> & { documents: (Omit<RenderedDocument, 'assets'> & { assets: [string, Asset][] })[] })[] }
  | { ok: false; diagnostics?: Diagnostic[]; internal?: { message: string; stack: string } };

/** Workers running now: what a signal ends (process.exit ends them too, this is for clarity). */
const running = new Set<Worker>();

/**
 * Checks the projects in a worker thread that can be stopped at any moment: when the
 * deadline (--timeout, which covers the whole build) passes, or on SIGINT/SIGTERM,
 * the worker is terminated, even in the middle of a long parse. Without the compiled
 * worker file (tests run the TypeScript sources), the check runs in this thread.
 */
export async function checkInWorker(dirs: readonly string[], options: CheckProjectsOptions, deadline: Deadline): Promise<CheckedProject[]> {
  const file = workerFile();
  if (!file) {
    const { checkProjects } = await import('./check-projects.js');
    return checkProjects(dirs, options);
  }
  const job = { dirs: [...dirs], options };
  const early = takeEarlyWorker(file);
  early?.postMessage(job);
  // For the bench's profile and the tests: whether the job went to bin/'s worker.
  const now = performance.now();
  reportStage(early ? 'check.early-worker' : 'check.new-worker', now, now);
  const worker = early ?? new Worker(file, { workerData: job });
  running.add(worker);
  try {
    return await deadline.race(
      new Promise<CheckedProject[]>((resolve, reject) => {
        worker.once('message', (reply: Reply) => (reply.ok ? resolve(revive(reply.projects)) : reject(failure(reply))));
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the check stopped unexpectedly (exit code ${code})`)));
      }),
      'checking the project',
    );
  } finally {
    running.delete(worker);
    void worker.terminate();
  }
}

/** Ends every check in progress: for SIGINT and SIGTERM. */
export function stopChecks(): void {
  for (const worker of running) void worker.terminate();
  running.clear();
}

function revive(projects: Extract<Reply, { ok: true }>['projects']): CheckedProject[] {
  return projects.map((p) => ({ ...p, documents: p.documents.map((d) => ({ ...d, assets: AssetMap.fromPlain(d.assets) })) }));
}

function failure(reply: Extract<Reply, { ok: false }>): Error {
  if (reply.diagnostics) return new InputError(reply.diagnostics);
  const err = new Error(reply.internal?.message ?? 'the check failed');
  err.stack = reply.internal?.stack ?? err.stack;
  return err;
}

function workerFile(): string | undefined {
  for (const name of ['./check-worker.bundle.js', './check-worker.js']) {
    const file = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(file)) return file;
  }
  return undefined;
}
