import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { writeBuiltinFonts } from '../layout/builtin-fonts.js';
import { writePrecompiledTemplates } from '../templates/precompiled-templates.js';
import { bundledCheckWorker, checkWorkerFiles, TRAIN_FLAG } from './check-worker-files.js';

const TRAINING_TIMEOUT_MS = 60_000;

/**
 * Makes V8's code cache for the bundled check (src/check-worker-boot.ts): one check of
 * an example letter in a worker, as a build runs it, after which the worker writes the
 * code of every function that ran. Run when the tool is built (scripts/bundle.mjs) and
 * when it is installed (postinstall), with the node that will run it; a cache made by
 * another node is refused by V8 and costs nothing but its read.
 *
 * The example is the tool's own: the repository's letter where there is one (a
 * checkout), else the voortgangsbrief scaffold that `init` copies. The parse cache is
 * off, so the check parses everything and its code is all in the cache.
 */
export async function trainCheckWorker(packageRoot: string): Promise<string | undefined> {
  const dist = path.join(packageRoot, 'dist');
  const boot = bundledCheckWorker(dist);
  if (!boot) return undefined;
  // A worker that loads an old cache would write all of it back into the new one.
  rmSync(checkWorkerFiles(dist).cache, { force: true });
  const example = [packageRoot, path.join(packageRoot, 'templates', 'init', 'voortgangsbrief')].find((dir) =>
    existsSync(path.join(dir, 'brief.md')),
  );
  if (!example) return undefined;
  const worker = new Worker(boot, {
    argv: [TRAIN_FLAG],
    workerData: { mode: 'warnings', dirs: [example], options: {} },
    env: { ...process.env, VOORTGANGSBRIEF_CACHE: 'off', VOORTGANGSBRIEF_PROFILE: '' },
    stdout: true,
    stderr: true,
  });
  try {
    return await new Promise<string | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), TRAINING_TIMEOUT_MS);
      worker.on('message', (message: { codeCache?: string }) => {
        if (message.codeCache) {
          clearTimeout(timer);
          resolve(message.codeCache);
        }
      });
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * What the tool computes once about its own built-in files, for every check to read:
 * the fonts' faces and coverage (src/layout/builtin-fonts.ts) and the compiled layouts
 * and partials (src/templates/precompiled-templates.ts). Before a training, whose check
 * reads them.
 */
export function writeCompiledBuiltins(): void {
  writeBuiltinFonts();
  writePrecompiledTemplates();
}

/**
 * `postinstall`: never fails an install, since the tool works without these files and
 * without a cache, only slower.
 */
export async function main(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  try {
    writeCompiledBuiltins();
  } catch {
    // The check reads the fonts and compiles the templates itself instead.
  }
  try {
    await trainCheckWorker(root);
  } catch {
    // No cache: the check compiles its code as it runs.
  }
}
