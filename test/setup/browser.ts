import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openBrowser, type BrowserSession } from '../../src/pdf/browser-session.js';

let session: BrowserSession | undefined;

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts the one browser every PDF test of the run shares, and hands out its endpoint. */
export async function setup(project: TestProject): Promise<void> {
  compileIfStale();
  session = await openBrowser({ shareable: true });
  project.provide('browserWSEndpoint', session.wsEndpoint ?? session.browser.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await session?.close();
}

/**
 * The CLI tests run bin/voortgangsbrief.js, which loads the compiled dist/; a test run
 * after editing src/ must not test yesterday's build. A type error does not stop the
 * run here (tsc still emits): that is the typecheck's job, with a clearer report.
 */
function compileIfStale(): void {
  const built = mtime(path.join(ROOT, 'dist/main.bundle.js'));
  const newest = Math.max(...tsFiles(path.join(ROOT, 'src')).map(mtime));
  if (built >= newest) return;
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    console.warn('test setup: tsc reported errors; dist/ was compiled anyway. Run "npm run typecheck".');
  }
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserWSEndpoint: string;
  }
}
