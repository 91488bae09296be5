import { existsSync } from 'node:fs';
import path from 'node:path';

/** The worker's argument that makes it write its code cache after its job. */
export const TRAIN_FLAG = '--voortgangsbrief-train-code-cache';

/**
 * The files of the bundled check in dist/: the script a worker starts (CommonJS too: a
 * worker that starts an ES module sets up the module loader first, ~6 ms), the bundle
 * it runs (scripts/bundle.mjs) and V8's code cache for it (train-check-worker.ts). Each
 * caller names dist/ from its own import.meta.url, since it may itself be bundled
 * into a chunk in dist/ or compiled into a subfolder.
 */
export function checkWorkerFiles(dist: string): { boot: string; bundle: string; cache: string } {
  return {
    boot: path.join(dist, 'check-worker-boot.cjs'),
    bundle: path.join(dist, 'check-worker.bundle.cjs'),
    cache: path.join(dist, 'check-worker.bundle.v8cache'),
  };
}

/** The boot script when the bundle is there (a built package), else undefined. */
export function bundledCheckWorker(dist: string): string | undefined {
  const files = checkWorkerFiles(dist);
  return existsSync(files.bundle) && existsSync(files.boot) ? files.boot : undefined;
}
