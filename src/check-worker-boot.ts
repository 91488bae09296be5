import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { checkWorkerFiles, TRAIN_FLAG } from './code-cache/check-worker-files.js';
import { runCommonJs } from './code-cache/run-common-js.js';
import { writeAtomic } from './output/write-atomic.js';
import { reportStage } from './profile-stages.js';

/**
 * The check's worker thread as the CLI starts it: the bundled check
 * (dist/check-worker.bundle.cjs, src/check-worker.ts) compiled with V8's code cache of
 * a check of an example letter, made when the tool was built or installed
 * (src/code-cache/train-check-worker.ts). Without a cache it runs the same, only slower.
 */
const { bundle, cache } = checkWorkerFiles(fileURLToPath(new URL('.', import.meta.url)));
const start = performance.now();
const loaded = runCommonJs(bundle, cache);
// For the bench's profile and a test: whether V8 took the cache.
reportStage(`check.code-cache.${loaded.cache}`, start, performance.now());

// The training run: the bundle has checked the example by now (its job came as
// workerData and the check is synchronous), so the cache holds what a check compiles.
if (process.argv.includes(TRAIN_FLAG)) {
  writeAtomic(cache, loaded.createCachedData());
  parentPort?.postMessage({ codeCache: cache });
}
