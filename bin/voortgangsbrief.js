#!/usr/bin/env node
// dist/main.bundle.js is the CLI bundled by scripts/bundle.mjs (it starts faster); a
// checkout compiled with tsc alone still runs from dist/cli/main.js.
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

// Node >= 22.1 keeps V8's compiled code of the bundle between runs, which saves compiling
// ~2 MB of JavaScript on every start: in NODE_COMPILE_CACHE if set, else beside the parse
// cache in the user's cache folder (not TMPDIR, which the tests expect to stay empty).
// Node 20 has no such cache for ES modules; there this does nothing (docs/decisions.md).
if (module.enableCompileCache && !process.env.NODE_COMPILE_CACHE && process.env.VOORTGANGSBRIEF_CACHE !== 'off') {
  const xdg = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  module.enableCompileCache(path.join(xdg, 'voortgangsbrief', 'v8-compile-cache'));
} else {
  module.enableCompileCache?.();
}

// `build` and `check` check the project in a worker thread (src/check-worker-thread.ts). Started here,
// before the CLI is even loaded, the worker loads its code while this thread loads the
// CLI and starts Chromium, and waits for its job (src/early-check.ts). Unref'd: a run
// that never takes it (a usage error, --help) exits as before and ends it with itself.
if (process.argv[2] === 'build' || process.argv[2] === 'check') {
  // The boot script compiles the bundled check with V8's code cache (src/check-worker-boot.ts);
  // a checkout compiled with tsc alone has neither, and its check starts a worker itself.
  const file = await import('../dist/code-cache/check-worker-files.js').then(
    (files) => files.bundledCheckWorker(fileURLToPath(new URL('../dist', import.meta.url))),
    () => undefined,
  );
  if (file) {
    const key = Symbol.for('voortgangsbrief.early-check-worker');
    const worker = new Worker(file);
    worker.unref();
    // A worker that failed to load is never handed out; the check starts one of its own.
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      if (globalThis[key]?.worker === worker) delete globalThis[key];
    });
    globalThis[key] = { file, worker };
  }
}

let main;
try {
  ({ main } = await import('../dist/main.bundle.js'));
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('main.bundle.js')) throw err;
  ({ main } = await import('../dist/cli/main.js'));
}

process.exitCode = await main(process.argv.slice(2));
