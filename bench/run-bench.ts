/**
 * npm run bench [-- --rounds N] [--skip-compile] [--only P1,P3,…]
 *
 * Measures the CLI against baselines taken in the same run (Chromium's own print of
 * the same HTML, WeasyPrint, one letter against many), as ratios: the machine is too
 * noisy for absolute times to mean much. Writes bench/results.json and prints a
 * Markdown table on stdout. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { check } from '../src/check.js';
import { openBrowser } from '../src/pdf/browser-session.js';
import { BROWSER_ENV, findBrowser } from '../src/pdf/find-browser.js';
import { measureBatch } from './batch.js';
import { measureBrowsers } from './browsers.js';
import { buildDocuments } from './cli-build.js';
import { measureCheck, measureColdMemory, measureColdTimes, type ColdLetter, type ColdSetup } from './cold.js';
import { generateLetter } from './generate-letter.js';
import { measureLongReports } from './long-report.js';
import { nativePrinter, writeNativeHtml } from './native-cli.js';
import { profileStages } from './profile.js';
import { buildResults, markdownReport, writeResults, type Machine, type Measurements } from './report.js';
import { round } from './stats.js';
import { timeBuild } from './cli-build.js';
import { measureWarm } from './warm.js';
import { measureWatchEdits } from './watch-edit.js';
import { measureWeasyPrint } from './weasyprint.js';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH, '..');
/** About 14 pages with the generator's calibration, like the letter in notes/rendering.md. */
const REFERENCE = { pages: 16, seed: 1 };
/** The browser issue 16 measures against, and the one the CLI is pointed at here. */
const SHELL = '/usr/bin/chromium-headless-shell';
const CHROMIUM = '/usr/bin/chromium';
/** What a letter project is; copied for the watch session (templates/ are the built-in ones). */
const EXAMPLE_FILES = ['brief.md', 'secties', 'bijlagen', 'data', 'voortgangsbrief.config.yaml'];
const PARTS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'profile', 'browsers'] as const;
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

// stderr piped away: Debian's launcher script complains about /dev/shm sizes on every start.
const version = (browser: string): string => execFileSync(browser, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function machine(browser: string): Machine {
  return {
    cpus: os.cpus().length,
    memGB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    chromium: version(browser),
    browser,
  };
}

/**
 * One real CLI build of a letter into its own folder. It yields the final HTML and
 * assets the baselines print, proves the build works before anything is timed, and
 * warms the page cache.
 */
async function prepare(dir: string, out: string): Promise<{ letter: ColdLetter; html: string; pages: number; footnotes: number }> {
  const [doc] = await buildDocuments([dir], out);
  if (!doc) throw new Error(`${dir} rendered no document`);
  const native = writeNativeHtml(doc.html);
  if (native.removed !== 1) log(`warning: expected 1 <script> tag (the page runner) in ${doc.html}, found ${native.removed}`);
  return { letter: { dir, nativeHtml: native.file }, html: doc.html, pages: doc.pages, footnotes: doc.footnotes };
}

async function main(): Promise<void> {
  const { rounds, compile, only } = options();
  // The CLI's default browser is whatever find-browser.ts prefers; the goals are stated
  // for the headless shell, so every build here (and every child) is pointed at it.
  if (!process.env[BROWSER_ENV] && existsSync(SHELL)) process.env[BROWSER_ENV] = SHELL;
  const browser = findBrowser();
  if (compile) {
    // The CLI runs dist/; measure the current src/, not whatever was compiled last.
    log('compiling src/ → dist/');
    execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', path.join(REPO, 'tsconfig.json')], { stdio: 'inherit' });
    execFileSync(process.execPath, [path.join(REPO, 'scripts/bundle.mjs')], { stdio: 'inherit' });
  }
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'voortgangsbrief-bench-'));
  try {
    const example = await prepare(REPO, path.join(scratch, 'example-out'));
    const referenceDir = generateLetter(path.join(scratch, 'referentie'), REFERENCE).dir;
    const reference = await prepare(referenceDir, path.join(scratch, 'reference-out'));
    const doc = check({ dir: REPO }).documents[0];
    if (!doc) throw new Error('the example letter rendered no document');

    const setup: ColdSetup = {
      example: example.letter,
      reference: reference.letter,
      shell: nativePrinter('shell', existsSync(SHELL) ? SHELL : browser),
      headlessNew: existsSync(CHROMIUM) ? nativePrinter('new', CHROMIUM) : undefined,
      outDir: path.join(scratch, 'out'),
      warmCache: path.join(scratch, 'parse-cache'),
      scratch,
    };
    const m: Measurements = {
      machine: machine(browser),
      rounds,
      example: { pages: example.pages, footnotes: example.footnotes },
      reference: { pages: reference.pages, footnotes: reference.footnotes, generator: `bench/generate-letter.ts pages=${REFERENCE.pages} seed=${REFERENCE.seed}` },
      ...(setup.headlessNew ? { chromiumNew: version(CHROMIUM) } : {}),
    };
    if (only.has('P1')) m.cold = await measureColdTimes(setup, rounds, log);
    if (only.has('P7')) m.check = await measureCheck(setup, rounds, log);
    if (only.has('P6')) m.memory = await measureColdMemory(setup, rounds, log);
    if (only.has('P2')) m.weasy = await measureWeasyPrint(() => timeBuild([REPO], setup.outDir), example.html, scratch, rounds, log);
    if (only.has('P1') || only.has('P3')) {
      const session = await openBrowser();
      try {
        if (only.has('P1')) m.warm = await measureWarm(session.browser, doc, rounds, log);
        if (only.has('P3')) {
          const watched = path.join(scratch, 'watch');
          for (const f of EXAMPLE_FILES) if (existsSync(path.join(REPO, f))) cpSync(path.join(REPO, f), path.join(watched, f), { recursive: true });
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
    if (only.has('browsers')) m.browsers = await measureBrowsers(REPO, path.join(scratch, 'browsers-out'), rounds, log);
    if (only.has('profile')) m.profile = await profileStages(REPO, path.join(scratch, 'profile-out'), 3);

    const results = buildResults(m);
    writeResults(path.join(BENCH, 'results.json'), results);
    process.stdout.write(`${markdownReport(results)}\n`);
    log(`wrote ${path.relative(process.cwd(), path.join(BENCH, 'results.json'))}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
