import type { Worker } from 'node:worker_threads';

/**
 * bin/voortgangsbrief.js starts the check's worker for `build` before it loads the CLI,
 * so that the worker loads the parse, template and Markdown code (~100 ms of a cold
 * start) while this thread loads the CLI and starts Chromium; the worker then waits
 * for its job as a message (src/check-worker.ts). It is unref'd until taken, so a run
 * that never checks (a usage error, --help) exits as before and ends it with itself.
 */
const KEY = Symbol.for('voortgangsbrief.early-check-worker');

interface EarlyWorker {
  /** The worker script it runs, as a file path. */
  file: string;
  worker: Worker;
}

/** The worker bin/ started for this file, once; undefined when there is none. */
export function takeEarlyWorker(file: string): Worker | undefined {
  const slot = globalThis as { [KEY]?: EarlyWorker };
  const early = slot[KEY];
  if (!early || early.file !== file) return undefined;
  delete slot[KEY];
  early.worker.ref();
  return early.worker;
}
