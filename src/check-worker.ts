import { parentPort, workerData } from 'node:worker_threads';
import { checkProjects, type CheckProjectsOptions } from './check-projects.js';
import { InputError } from './diagnostics/diagnostic.js';

/**
 * The check of a build, in a worker thread (src/check-in-worker.ts): parsing,
 * templates and Markdown are CPU work that can run for seconds on a hostile project,
 * and a worker can be terminated at once, by a signal or by --timeout, while the
 * main thread stays free to notice either.
 */
interface Job {
  dirs: string[];
  options: CheckProjectsOptions;
}

function run({ dirs, options }: Job): void {
  try {
    const checked = checkProjects(dirs, options);
    parentPort!.postMessage({
      ok: true,
      projects: checked.map((p) => ({ ...p, documents: p.documents.map((d) => ({ ...d, assets: d.assets.toPlain() })) })),
    });
  } catch (err) {
    parentPort!.postMessage(
      err instanceof InputError
        ? { ok: false, diagnostics: err.diagnostics }
        : { ok: false, internal: { message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack ?? '' } },
    );
  }
}

// A worker started early, by bin/ before the CLI is loaded (src/early-check.ts), has
// loaded this code by the time the CLI knows what to check, and gets the job as a message.
const job = workerData as Job | undefined;
if (job) run(job);
else parentPort!.once('message', run);
