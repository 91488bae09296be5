import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { caseProject, readExpected } from '../hostile/corpus.js';
import { processesMentioning } from '../hostile/cli-process.js';

// The real command, as an author runs it: compiled dist/ (test/setup/browser.ts compiles
// it when src/ is newer), a separate process, exit codes and stderr as a terminal sees them.
const BIN = path.join(REPO_ROOT, 'bin/voortgangsbrief.js');

/** Runs the CLI with a TMPDIR of its own, so that a Chromium it leaves behind can be found. */
function cli(args: string[], env: Record<string, string> = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'vb-cli-tmp-'));
  const run = spawnSync('node', [BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', NO_COLOR: '1', TMPDIR: tmp, ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, tmp };
}

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/internal error/i);
}

/** A build starts Chromium while it checks the project; a mistake must not leave it running. */
function expectNoBrowserLeft(tmp: string): void {
  expect(processesMentioning(tmp)).toEqual([]);
  expect(readdirSync(tmp)).toEqual([]);
}

/** An output folder holding the previous build, so that "writes nothing" can be checked byte for byte. */
function previousOutput(): { out: string; before: Map<string, Buffer> } {
  const out = tempDir('vb-bad-out-');
  writeFileSync(path.join(out, 'brief.pdf'), Buffer.from('%PDF-1.7\n% previous build, must survive\n%%EOF\n'));
  writeFileSync(path.join(out, 'brief.html'), '<!doctype html><title>vorige versie</title>\n');
  const before = new Map(readdirSync(out).map((f) => [f, readFileSync(path.join(out, f))]));
  return { out, before };
}

// A representative part of test/fixtures/errors: every stage, every encoding trick,
// generated inputs (a 5 MB section, a symlink out of the project) and a code injection.
const SUBSET = [
  'yaml-syntax-error',
  'footnote-undefined',
  'unknown-variable',
  'missing-datum',
  'template-syntax-error',
  'not-utf8',
  'front-matter-js-engine',
  'data-json-duplicate-key',
  'data-csv-unclosed-quote',
  'crlf-section-footnote-undefined',
  'bom-crlf-data-yaml-duplicate-key',
  'utf16le-bom-section',
  'partial-cycle-of-two',
  'empty-brief',
  'image-remote',
  'large-section-5mb',
  'symlink-section-outside',
];

describe('voortgangsbrief build on a broken project', () => {
  it.each(SUBSET)('%s: file:line:col, a hint, exit code 1, the previous output untouched, no browser left', (name) => {
    const expected = readExpected(name);
    const dir = caseProject(name, expected);
    const { out, before } = previousOutput();
    const run = cli(['build', path.relative(REPO_ROOT, dir), '--out', out]);

    expect(run.status, run.stderr).toBe(1);
    const shown = path.relative(REPO_ROOT, path.join(dir, expected.file));
    // Line 0 is the file as a whole: "file: error: …" without a line to point at.
    if (expected.line === 0) expect(run.stderr).toContain(`${shown}: error:`);
    else expect(run.stderr).toContain(`${shown}:${expected.line}:${expected.column === undefined ? '' : `${expected.column}:`}`);
    expect(run.stderr).toContain(expected.message);
    expect(run.stderr).toMatch(/^\s*hint: \S/m);
    expect(run.stderr).toMatch(/^1 error; nothing was written\.$/m);
    expectNoStackTrace(run.stderr);
    expect(run.stdout).toBe('');

    expect(readdirSync(out).sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(readFileSync(path.join(out, file)).equals(bytes), file).toBe(true);
    expectNoBrowserLeft(run.tmp);
  });
});

describe('a footnote that is defined but never called', () => {
  const project = () => {
    const dir = path.join(tempDir('vb-unused-note-'), 'brief');
    cpSync(path.join(FIXTURES, 'minimal'), dir, { recursive: true });
    const file = path.join(dir, 'secties/01-meldpunt.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}[^ongebruikt]: Kamerstukken II, 2023-2024, 29279, nr. 800.\n`);
    return path.relative(REPO_ROOT, dir);
  };

  it('is a warning for check, with its place and a hint, and the check passes', () => {
    const dir = project();
    const run = cli(['check', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${dir}/secties/01-meldpunt.md:10:1: warning: footnote [^ongebruikt] is defined but never called`);
    expect(run.stderr).toMatch(/^\s*hint: \S/m);
  });

  it('is an error for check --strict: exit code 1', () => {
    const dir = project();
    const run = cli(['check', dir, '--strict']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${dir}/secties/01-meldpunt.md:10:1: error: footnote [^ongebruikt] is defined but never called`);
    expect(run.stderr).toMatch(/^\s*hint: \S/m);
    expectNoStackTrace(run.stderr);
  });
});

describe('voortgangsbrief usage errors', () => {
  it.each([
    [['frobnicate'], 'voortgangsbrief <command>', 'help'],
    [['build', '--nope'], 'voortgangsbrief build [dir…]', 'help build'],
  ])('%j exits with 2 and prints the one usage line that matters', (args, usage, help) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`usage: ${usage}`);
    expect(lines[2]).toBe(`see: voortgangsbrief ${help}`);
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
