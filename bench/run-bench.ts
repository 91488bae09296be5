/**
 * npm run bench [-- --rounds N] [--skip-compile] [--only P1,P3,…]
 *
 * Measures the CLI against baselines taken in the same run (Chromium's own print of
 * the same HTML, WeasyPrint, one letter against many), as ratios: the machine is too
 * noisy for absolute times to mean much. Writes bench/results.json and prints a
 * Markdown table on stdout. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { check } from '../src/check.js';
import { openBrowser } from '../src/pdf/browser-session.js';
import { findBrowser } from '../src/pdf/find-browser.js';
import { measureBatch } from './batch.js';
import { measureBrowsers } from './browsers.js';
import { buildDocuments, timeBuild } from './cli-build.js';
import { measureColdMemory, measureColdTimes, type ColdSetup } from './cold.js';
import { compileNativePrint } from './compile-native.js';
import { generateLetter } from './generate-letter.js';
import { measureLongReports } from './long-report.js';
import { stripScripts } from './native-page.js';
import { profileStages } from './profile.js';
import { buildResults, markdownReport, writeResults, type Machine, type Measurements } from './report.js';
import { round } from './stats.js';
import { measureWarm } from './warm.js';
import { measureWatchEdits } from './watch-edit.js';
import { measureWeasyPrint } from './weasyprint.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH, '..');
/** About 14 pages with the generator's calibration, like the letter in notes/rendering.md. */
const REFERENCE = { pages: 16, seed: 1 };
const PARTS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'profile', 'browsers'] as const;
type Part = (typeof PARTS)[number];
const log = (m: string): void => void process.stderr.write(`bench: ${m}\n`);

function options(): { rounds: number; compile: boolean; only: Set<Part> } {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '5' },
      'skip-compile': { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds takes a whole number ≥ 1, got "${values.rounds}"`);
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...PARTS];
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`--only takes ${PARTS.join(', ')}; not ${unknown.join(', ')}`);
  return { rounds, compile: !values['skip-compile'], only: new Set(only as Part[]) };
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
 * One real CLI build of the reference letter into a temp folder. It yields the final
 * HTML and assets the baselines print, proves the build works before anything is
 * timed, and warms the page cache.
 */
async function prepare(letter: string, outDir: string, scratch: string): Promise<{ setup: ColdSetup; pages: number; footnotes: number }> {
  const [doc] = await buildDocuments([letter], outDir);
  if (!doc) throw new Error('the reference letter rendered no document');
  const native = compileNativePrint();
  return {
    setup: { repo: REPO, letter, outDir, nativeScript: native.script, htmlFile: doc.html, nativePdf: path.join(scratch, 'native.pdf') },
    pages: doc.pages,
    footnotes: doc.footnotes,
  };
}

async function main(): Promise<void> {
  const { rounds, compile, only } = options();
  if (compile) {
    // The CLI runs dist/; measure the current src/, not whatever was compiled last.
    log('compiling src/ → dist/');
    execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', path.join(REPO, 'tsconfig.json')], { stdio: 'inherit' });
    execFileSync(process.execPath, [path.join(REPO, 'scripts/bundle.mjs')], { stdio: 'inherit' });
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'voortgangsbrief-bench-'));
  let nativeDir: string | undefined;
  try {
    const letter = generateLetter(path.join(scratch, 'referentie'), REFERENCE).dir;
    const { setup, pages, footnotes } = await prepare(letter, path.join(scratch, 'out'), scratch);
    nativeDir = path.dirname(setup.nativeScript);
    const doc = check({ dir: letter }).documents[0];
    if (!doc) throw new Error('the reference letter rendered no document');
    const scripts = stripScripts(doc.html).removed;
    if (scripts !== 1) log(`warning: expected 1 <script> tag (the page runner), found ${scripts}`);

    const m: Measurements = {
      machine: machine(findBrowser()),
      rounds,
      reference: { pages, footnotes, generator: `bench/generate-letter.ts pages=${REFERENCE.pages} seed=${REFERENCE.seed}` },
    };
    const coldBuild = () => timeBuild([letter], setup.outDir);
    if (only.has('P1')) m.cold = await measureColdTimes(setup, rounds, log);
    if (only.has('P6')) m.memory = await measureColdMemory(setup, rounds, log);
    if (only.has('P2')) m.weasy = await measureWeasyPrint(coldBuild, setup.htmlFile, scratch, rounds, log);
    if (only.has('P1') || only.has('P3')) {
      const session = await openBrowser();
      try {
        if (only.has('P1')) m.warm = await measureWarm(session.browser, doc, rounds, log);
        if (only.has('P3')) {
          const watched = path.join(scratch, 'watch');
          cpSync(letter, watched, { recursive: true });
          m.watch = await measureWatchEdits(watched, session.browser, rounds, log);
        }
      } finally {
        await session.close();
      }
    }
    // The long measurements get fewer rounds: one round of P4 builds 21 letters.
    const fewer = Math.max(2, Math.ceil(rounds / 2));
    if (only.has('P4')) m.batch = await measureBatch(scratch, REFERENCE.pages, fewer, log);
    if (only.has('P5')) m.long = await measureLongReports(scratch, fewer, log);
    if (only.has('browsers')) m.browsers = await measureBrowsers(letter, path.join(scratch, 'browsers-out'), rounds, log);
    if (only.has('profile')) m.profile = await profileStages(letter, path.join(scratch, 'profile-out'), 3);

    const results = buildResults(m);
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
