import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckProjectsOptions } from './check-projects.js';
import type { CheckRequest } from './check-worker.js';
import { bundledCheckWorker } from './code-cache/check-worker-files.js';
import { takeEarlyWorker } from './early-check.js';
import { reportStage } from './profile-stages.js';
import { InputError, type Diagnostic } from './diagnostics/diagnostic.js';
import type { Deadline } from './pdf/deadline.js';

/** What a check worker answers (src/check-worker.ts). */
export type WorkerReply<T> = ({ ok: true } & T) | { ok: false; diagnostics?: Diagnostic[]; internal?: { message: string; stack: string } };

/** Workers running now: what a signal ends (process.exit ends them too, this is for clarity). */
const running = new Set<Worker>();

/**
 * Starts a check worker with `data` and waits for its one reply; the worker then ends by
 * itself, or is stopped when it failed or took too long. The wait is
 * raced against the deadline (--timeout), and a signal can end it at any moment: the
 * check is CPU work that would otherwise block the thread that has to notice either.
 * Deliberately free of the check's own modules, so the thread that waits loads none
 * of them (`check` keeps its cold start).
 */
export async function runCheckWorker<T>(file: string, data: CheckRequest, deadline: Deadline): Promise<T> {
  const early = takeEarlyWorker(file);
  early?.postMessage(data);
  // For the bench's profile and the tests: whether the job went to bin/'s worker.
  const now = performance.now();
  reportStage(early ? 'check.early-worker' : 'check.new-worker', now, now);
  const worker = early ?? new Worker(file, { workerData: data });
  running.add(worker);
  worker.once('exit', () => running.delete(worker));
  let replied = false;
  try {
    return await deadline.race(
      new Promise<T>((resolve, reject) => {
        worker.once('message', (reply: WorkerReply<T>) => {
          replied = true;
          if (reply.ok) resolve(reply);
          else reject(workerFailure(reply));
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the check stopped unexpectedly (exit code ${code})`)));
      }),
      'checking the project',
    );
  } finally {
    // After its reply the worker writes the parse cache and ends by itself, while the
    // build goes on (src/check-worker.ts); the process waits for it at its end, but
    // not for ever. A worker that broke or ran out of time is stopped at once.
    if (replied) setTimeout(() => void worker.terminate(), CACHE_WRITE_MS).unref();
    else void worker.terminate();
  }
}

/** How long a worker that has replied may go on writing the parse cache. */
const CACHE_WRITE_MS = 5_000;

/** Ends every one-off check in progress: for SIGINT and SIGTERM. */
export function stopChecks(): void {
  for (const worker of running) void worker.terminate();
  running.clear();
}

/** The error a failed reply stands for: the author's mistakes, or a bug with its stack. */
export function workerFailure(reply: Extract<WorkerReply<unknown>, { ok: false }>): Error {
  if (reply.diagnostics) return new InputError(reply.diagnostics);
  const err = new Error(reply.internal?.message ?? 'the check failed');
  err.stack = reply.internal?.stack ?? err.stack;
  return err;
}

/**
 * The check's worker beside this module (dist/): the bundled one, started through its
 * boot script (src/check-worker-boot.ts), or in a checkout compiled with tsc alone the
 * compiled module. Running from the TypeScript sources (the test runner) there is
 * none, and callers check in this thread.
 */
export function checkWorkerFile(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const bundled = bundledCheckWorker(here);
  if (bundled) return bundled;
  const compiled = path.join(here, 'check-worker.js');
  return existsSync(compiled) ? compiled : undefined;
}

/**
 * `check`: the project checked in a worker as for a build, but only the warnings come
 * back (no HTML or assets to copy between threads). Here, not beside checkInWorker,
 * because that module loads the asset map and with it an HTML parser.
 */
export async function checkWarningsInWorker(dir: string, options: CheckProjectsOptions, deadline: Deadline): Promise<Diagnostic[]> {
  const file = checkWorkerFile();
  if (!file) {
    const { checkProjects } = await import('./check-projects.js');
    return checkProjects([dir], options).flatMap((p) => p.warnings);
  }
  return (await runCheckWorker<{ warnings: Diagnostic[] }>(file, { mode: 'warnings', dirs: [dir], options }, deadline)).warnings;
}

/** The reply of a worker whose check threw: the reverse of workerFailure. */
export function failureReply(err: unknown): Extract<WorkerReply<unknown>, { ok: false }> {
  return err instanceof InputError
    ? { ok: false, diagnostics: err.diagnostics }
    : { ok: false, internal: { message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack ?? '' } };
}
