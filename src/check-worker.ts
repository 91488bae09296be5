import { parentPort, workerData } from 'node:worker_threads';
import { plainDocument } from './check-in-worker.js';
import { WriteBehind } from './cache/write-behind.js';
import { checkProjects, type CheckProjectsOptions } from './check-projects.js';
import { failureReply } from './check-worker-thread.js';
import { serveWatchChecks } from './watch/serve-watch-checks.js';

/**
 * The check of a build, of `check` and of each rebuild of `watch`, in a worker thread
 * (src/check-worker-thread.ts): parsing, templates and Markdown are CPU work that can
 * run for seconds on a hostile project, and a worker can be terminated at once, by a
 * signal or by --timeout, while the main thread stays free to notice either (and, in
 * watch, to keep serving the preview).
 */
export type CheckRequest =
  | { mode: 'projects' | 'warnings'; dirs: string[]; options: CheckProjectsOptions }
  | { mode: 'watch'; dir: string; overrides?: Record<string, unknown> };

function run(request: CheckRequest): void {
  if (request.mode === 'watch') {
    serveWatchChecks(request.dir, request.overrides);
    return;
  }
  // The reply goes first; the parse cache is written after it, while the build paginates.
  // The worker then ends by itself, and the CLI's process waits for it (check-worker-thread.ts).
  const cacheWrites = new WriteBehind();
  try {
    const checked = checkProjects(request.dirs, request.options, cacheWrites);
    parentPort!.postMessage(
      request.mode === 'warnings'
        ? { ok: true, warnings: checked.flatMap((p) => p.warnings) }
        : { ok: true, projects: checked.map((p) => ({ ...p, documents: p.documents.map(plainDocument) })) },
    );
  } catch (err) {
    parentPort!.postMessage(failureReply(err));
  }
  cacheWrites.flush();
}

// A worker started early, by bin/ before the CLI is loaded (src/early-check.ts), has
// loaded this code by the time the CLI knows what to check, and gets the job as a message.
const request = workerData as CheckRequest | undefined;
if (request) run(request);
else parentPort!.once('message', run);
