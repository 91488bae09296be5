import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/build-fixture.js';

export const BIN = path.join(REPO_ROOT, 'bin/voortgangsbrief.js');

/**
 * A CLI run with its own TMPDIR: the Chromium it starts keeps its profile in
 * `<tmp>/voortgangsbrief-chromium-*`, and that path is on the command line of every
 * Chromium process of the run, so `ps` shows exactly which ones are this run's,
 * even after they have been reparented (puppeteer starts Chromium detached).
 */
export interface CliRun {
  child: ChildProcess;
  tmp: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal that ended the process) and the elapsed time. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

export function startCli(args: string[], options: { ci?: boolean; env?: Record<string, string> } = {}): CliRun {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vb-run-'));
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', TMPDIR: tmp, ...options.env };
  // Without CI the build prints its progress ("rendering brief.pdf"), which tests wait for.
  if (options.ci === false) delete env.CI;
  else env.CI = 'true';
  const started = performance.now();
  const child = spawn('node', [BIN, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (err += String(d)));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, ms: performance.now() - started })),
  );
  return { child, tmp, stdout: () => out, stderr: () => err, done };
}

/** Resolves once stderr contains `text`; rejects if the process ends first or after `ms`. */
export function waitForStderr(run: CliRun, text: string | RegExp, ms = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const matches = () => (typeof text === 'string' ? run.stderr().includes(text) : text.test(run.stderr()));
    const timer = setTimeout(() => reject(new Error(`no "${String(text)}" on stderr within ${ms} ms:\n${run.stderr()}`)), ms);
    const check = () => {
      if (!matches()) return;
      clearTimeout(timer);
      resolve();
    };
    run.child.stderr?.on('data', check);
    void run.done.then(() => {
      clearTimeout(timer);
      if (matches()) resolve();
      else reject(new Error(`the CLI ended before printing "${String(text)}":\n${run.stderr()}`));
    });
    check();
  });
}

/** Processes whose command line mentions `marker`, as "pid args" lines (this test process excluded). */
export function processesMentioning(marker: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return ps
    .split('\n')
    .filter((line) => line.includes(marker) && !line.includes('ps -eo'))
    .map((line) => line.trim());
}

/**
 * Chromium processes started by the run: those whose command line names its profile (in
 * the run's TMPDIR), and every process below them. The headless shell starts its
 * renderers without the profile on their command line, so they are found by parent.
 */
export function chromiumOf(run: CliRun): string[] {
  const marker = path.join(run.tmp, 'voortgangsbrief-chromium-');
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && !m[3]!.startsWith('ps -eo'));
  const found = new Set(rows.filter((m) => m[3]!.includes(marker)).map((m) => m[1]!));
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of rows) {
      if (found.has(m[2]!) && !found.has(m[1]!)) {
        found.add(m[1]!);
        grew = true;
      }
    }
  }
  return rows.filter((m) => found.has(m[1]!)).map((m) => `${m[1]} ${m[3]}`);
}

/** Polls until `condition` holds, for at most `ms`. */
export async function eventually(condition: () => boolean, ms = 5000): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

/** Every file below `dir` (also hidden ones), relative, with its bytes: for before/after comparisons. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, String(entry));
    if (statSync(file).isFile()) files.set(String(entry), readFileSync(file));
  }
  return files;
}
