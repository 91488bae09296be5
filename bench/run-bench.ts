/**
 * npm run bench [-- --rounds N] [--skip-compile]
 *
 * Measures the CLI against Chromium's own print of the same HTML, as ratios taken in
 * the same run (the machine is too noisy for absolute times to mean much), and writes
 * bench/results.json plus a Markdown table on stdout. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { check } from '../src/build.js';
import { openBrowser } from '../src/pdf/browser-session.js';
import { findBrowser } from '../src/pdf/find-browser.js';
import { measureColdMemory, measureColdTimes, type ColdSetup } from './cold.js';
import { compileNativePrint } from './compile-native.js';
import { buildResults, markdownReport, writeResults, type Machine } from './report.js';
import { round } from './stats.js';
import { timeProcess } from './timed-spawn.js';
import { stripScripts } from './native-page.js';
import { measureWarm } from './warm.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH, '..');
const log = (m: string): void => void process.stderr.write(`bench: ${m}\n`);

function options(): { rounds: number; compile: boolean } {
  const { values } = parseArgs({
    options: { rounds: { type: 'string', default: '5' }, 'skip-compile': { type: 'boolean', default: false } },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number ≥ 1, got "${values.rounds}"`);
  return { rounds, compile: !values['skip-compile'] };
}

function machine(browser: string): Machine {
  return {
    cpus: os.cpus().length,
    memGB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    // stderr piped away: Debian's launcher script complains about /dev/shm sizes on every start.
    chromium: execFileSync(browser, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim(),
  };
}

/**
 * Step 1: one real CLI build of the example letter into a temp folder. It yields the
 * final HTML and assets the native baseline prints, proves the build works before
 * anything is timed, and warms the page cache.
 */
async function prepare(outDir: string, scratch: string): Promise<ColdSetup> {
  const cli = path.join(REPO, 'bin/voortgangsbrief.js');
  const { stdout } = await timeProcess(process.execPath, [cli, 'build', REPO, '--out', outDir, '--json'], { cwd: REPO });
  const built = JSON.parse(stdout) as { documents: { html: string }[] };
  const htmlFile = built.documents[0]?.html ?? path.join(outDir, readdirSync(outDir).find((f) => f.endsWith('.html')) ?? '');
  const native = compileNativePrint();
  return { repo: REPO, letter: REPO, outDir, nativeScript: native.script, htmlFile, nativePdf: path.join(scratch, 'native.pdf') };
}

async function main(): Promise<void> {
  const { rounds, compile } = options();
  if (compile) {
    // The CLI runs dist/; measure the current src/, not whatever was compiled last.
    log('compiling src/ → dist/');
    execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', path.join(REPO, 'tsconfig.json')], { stdio: 'inherit' });
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'voortgangsbrief-bench-'));
  let nativeDir: string | undefined;
  try {
    const setup = await prepare(path.join(scratch, 'out'), scratch);
    nativeDir = path.dirname(setup.nativeScript);
    const doc = check({ dir: REPO }).documents[0];
    if (!doc) throw new Error('the example letter rendered no document');
    const scripts = stripScripts(doc.html).removed;
    if (scripts !== 2) log(`warning: expected 2 <script> tags (runner + Paged.js), found ${scripts}`);

    const cold = await measureColdTimes(setup, rounds, log);
    const memory = await measureColdMemory(setup, rounds, log);
    const session = await openBrowser();
    let warm;
    try {
      warm = await measureWarm(session.browser, doc, rounds, log);
    } finally {
      await session.close();
    }
    const results = buildResults({ machine: machine(findBrowser()), rounds, cold, memory, warm });
    writeResults(path.join(BENCH, 'results.json'), results);
    process.stdout.write(`${markdownReport(results)}\n`);
    log(`wrote ${path.relative(process.cwd(), path.join(BENCH, 'results.json'))}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    if (nativeDir) rmSync(nativeDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
