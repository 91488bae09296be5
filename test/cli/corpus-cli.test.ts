import { spawn } from 'node:child_process';
import { closeSync, constants, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { CASES, caseProject, readExpected } from '../hostile/corpus.js';
import { BIN, processesMentioning } from '../hostile/cli-process.js';

/**
 * Every case of the bad-input corpus (test/fixtures/errors) through the real CLI, as
 * CI would run it on an unreviewed branch: `build` (with `--strict` for a warning only the
 * rendered pages show, expected.strict) exits with 1, prints one
 * diagnostic per mistake with file:line:col and no stack trace or raw control
 * character, leaves the previous output byte for byte as it was, writes nothing in
 * the project, and leaves no Chromium process (each one seen during the run is gone
 * by its PID afterwards) and nothing in its TMPDIR.
 */
const PARALLEL = 3;

interface Outcome {
  code: number | null;
  stderr: string;
  stdout: string;
  pids: number[];
  tmp: string;
}

function runCli(args: string[]): Promise<Outcome> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vb-corpus-'));
  const child = spawn('node', [BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, CI: 'true', NO_COLOR: '1', TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  child.stdout.on('data', (d) => (stdout += String(d)));
  const pids = new Set<number>();
  const poll = setInterval(() => {
    for (const line of processesMentioning(tmp)) pids.add(Number(line.split(/\s+/)[0]));
  }, 150);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr, stdout, pids: [...pids], tmp });
    }),
  );
}

/** Running: a zombie waiting for init to reap it runs no code. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX] /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Every regular file of a folder with its bytes (or size and time, for a file too large to read); pipes are named only. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, String(entry));
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isFIFO()) files.set(String(entry), 'fifo');
    else if (stat.isFile() && stat.size <= 16 * 1024 * 1024) files.set(String(entry), readRegular(file));
    else if (stat.isFile()) files.set(String(entry), `size ${stat.size} mtime ${stat.mtimeMs}`);
  }
  return files;
}

function readRegular(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd).toString('base64') : 'special';
  } finally {
    closeSync(fd);
  }
}

async function runCase(name: string): Promise<void> {
  const expected = readExpected(name);
  const dir = caseProject(name, expected);
  const out = tempDir('vb-corpus-out-');
  writeFileSync(path.join(out, 'brief.pdf'), Buffer.from(`%PDF-1.7\n% previous build of ${name}\n%%EOF\n`));
  writeFileSync(path.join(out, 'brief.html'), '<!doctype html><title>vorige versie</title>\n');
  const outBefore = snapshot(out);
  const projectBefore = snapshot(dir);

  const run = await runCli(['build', path.relative(REPO_ROOT, dir), '--out', out, ...(expected.strict ? ['--strict'] : [])]);
  const where = `${name}:\n${run.stderr}`;

  expect(run.code, where).toBe(1);
  const shown = path.relative(REPO_ROOT, path.join(dir, expected.file));
  // A problem with the file as a whole (line 0) is shown as the file alone, without a line.
  const at = expected.line === 0 ? `${shown}: error: ` : `${shown}:${expected.line}:${expected.column === undefined ? '' : `${expected.column}:`}`;
  expect(run.stderr, where).toContain(at);
  expect(run.stderr, where).toContain(expected.message);
  const diagnostics = run.stderr.split('\n').filter((l) => /^\S.*(:\d+:\d+)?: error: /.test(l));
  expect(diagnostics, where).toHaveLength(expected.diagnostics ?? 1);
  expect(run.stderr, where).not.toMatch(/^\s+at |internal error/m);
  // eslint-disable-next-line no-control-regex -- a raw escape or bidi control would reach the terminal
  expect(run.stderr, where).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  expect(run.stdout, where).toBe('');

  expect(snapshot(out), `${name}: the previous output`).toEqual(outBefore);
  expect(snapshot(dir), `${name}: nothing written in the project`).toEqual(projectBefore);
  expect(run.pids.filter(running), `${name}: Chromium processes still running`).toEqual([]);
  expect(processesMentioning(run.tmp), name).toEqual([]);
  expect(readdirSync(run.tmp), `${name}: TMPDIR`).toEqual([]);
}

describe('the bad-input corpus through the CLI', () => {
  it('has at least 220 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(220);
  });

  // In batches, so the run takes minutes rather than ten: each case is a process of its own.
  const batches: string[][] = [];
  for (let i = 0; i < CASES.length; i += PARALLEL * 4) batches.push(CASES.slice(i, i + PARALLEL * 4));
  it.each(batches.map((b) => [`${b[0]} … ${b[b.length - 1]}`, b] as const))('%s', async (_, batch) => {
    const queue = [...batch];
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let name = queue.shift(); name; name = queue.shift()) {
          try {
            await runCase(name);
          } catch (err) {
            failures.push(`${name}: ${(err as Error).message}`);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
