import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';

// The real command, as an author runs it: compiled dist/ (test/setup/browser.ts compiles
// it when src/ is newer), a separate process, exit codes and stderr as a terminal sees them.
const BIN = path.join(REPO_ROOT, 'bin/voortgangsbrief.js');
const ERRORS = path.join(FIXTURES, 'errors');

function cli(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync('node', [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/internal error/i);
}

/** An output folder holding the previous build, so that "writes nothing" can be checked byte for byte. */
function previousOutput(): { out: string; before: Map<string, Buffer> } {
  const out = tempDir('vb-bad-out-');
  writeFileSync(path.join(out, 'brief.pdf'), Buffer.from('%PDF-1.7\n% previous build, must survive\n%%EOF\n'));
  writeFileSync(path.join(out, 'brief.html'), '<!doctype html><title>vorige versie</title>\n');
  const before = new Map(readdirSync(out).map((f) => [f, readFileSync(path.join(out, f))]));
  return { out, before };
}

describe('voortgangsbrief build on a broken project', () => {
  it.each(['yaml-syntax-error', 'footnote-undefined', 'unknown-variable', 'missing-datum', 'template-syntax-error', 'not-utf8'])(
    '%s: file:line:col, a hint, exit code 1, and the previous output untouched',
    (name) => {
      const dir = path.join(ERRORS, name);
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as {
        file: string;
        line: number;
        column: number;
      };
      const { out, before } = previousOutput();
      const run = cli(['build', path.relative(REPO_ROOT, dir), '--out', out]);

      expect(run.status, run.stderr).toBe(1);
      const shown = path.relative(REPO_ROOT, path.join(dir, expected.file));
      expect(run.stderr).toContain(`${shown}:${expected.line}:${expected.column}:`);
      expect(run.stderr).toMatch(/^\s*hint: \S/m);
      expectNoStackTrace(run.stderr);
      expect(run.stdout).toBe('');

      expect(readdirSync(out).sort()).toEqual([...before.keys()].sort());
      for (const [file, bytes] of before) expect(readFileSync(path.join(out, file)).equals(bytes), file).toBe(true);
    },
  );
});

describe('voortgangsbrief usage errors', () => {
  it.each([[['frobnicate']], [['build', '--nope']]])('%j exits with 2 and prints the usage', (args) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Usage: voortgangsbrief <command>/m);
    expectNoStackTrace(run.stderr);
  });
});

describe('voortgangsbrief without a browser', () => {
  it('exits with 3 and explains in one paragraph, writing nothing', () => {
    const out = path.join(tempDir('vb-nobrowser-'), 'output');
    const run = cli(['build', path.relative(REPO_ROOT, path.join(FIXTURES, 'minimal')), '--out', out], {
      VOORTGANGSBRIEF_BROWSER: '/nonexistent/chrome',
    });
    expect(run.status).toBe(3);
    const message = run.stderr.trim();
    expect(message).toContain('/nonexistent/chrome');
    expect(message).not.toMatch(/\n\s*\n/);
    expectNoStackTrace(run.stderr);
    expect(existsSync(out)).toBe(false);
  });
});
