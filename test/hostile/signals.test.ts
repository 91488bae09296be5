import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWithSharedBrowser, FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { chromiumOf, eventually, snapshot, startCli, waitForStderr } from './cli-process.js';
import { slowCheckProject, slowRenderProject } from './slow-projects.js';

/** A render of some 1,500 pages: it is surely still running when the signal comes. */
const busyProject = () => slowRenderProject();

/**
 * Ctrl+C and a CI runner's SIGTERM in the middle of a real build: the CLI must stop
 * its Chromium (the whole process group), write nothing, leave the previous output
 * byte for byte as it was and no temporary file, and exit with 130 or 143.
 */
describe('a build stopped by a signal', () => {
  let out: string;
  let before: Map<string, Buffer>;

  beforeAll(async () => {
    // The previous output is a real build, assets and all, of the minimal letter.
    out = tempDir('vb-signal-out-');
    await buildWithSharedBrowser(path.join(FIXTURES, 'minimal'), out);
    before = snapshot(out);
    expect([...before.keys()]).toContain('brief.pdf');
  });

  it.each([
    // A real letter, stopped as soon as it says it renders (pagination takes some 0.5 s more).
    ['SIGINT', 130, 'minimal'],
    // A render of thousands of pages, so the signal surely lands mid-render.
    ['SIGTERM', 143, 'busy'],
  ] as const)('%s: exit %i, browser gone, previous output untouched', async (signal, code, project) => {
    const dir = project === 'busy' ? busyProject() : path.join(FIXTURES, project);
    const run = startCli(['build', path.relative(REPO_ROOT, dir), '--out', out, '--set', 'betreft=Nieuwe versie'], {
      ci: false,
    });
    await waitForStderr(run, 'rendering brief.pdf');
    expect(chromiumOf(run).length, 'Chromium runs when the signal is sent').toBeGreaterThan(0);
    run.child.kill(signal);
    const result = await run.done;

    expect({ code: result.code, signal: result.signal }).toEqual({ code, signal: null });
    expect(run.stderr()).toContain(`stopped by ${signal}`);
    expect(run.stderr()).not.toMatch(/^\s+at |internal error/m);
    expect(await eventually(() => chromiumOf(run).length === 0), `no Chromium of this run survives:\n${chromiumOf(run).join('\n')}`).toBe(true);
    // Chromium's profile and its singleton folder in TMPDIR are gone too.
    expect(readdirSync(run.tmp)).toEqual([]);

    const after = snapshot(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), `${file} is unchanged`).toBe(true);
    expect([...after.keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

/**
 * A signal during the check: the check runs in a worker thread, so the main thread
 * sees the signal at once and ends the build within a second, even mid-parse.
 */
describe('a build stopped by a signal while it checks a large project', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: exit %i within 1 s, browser gone', async (signal, code) => {
    const run = startCli(['build', path.relative(REPO_ROOT, slowCheckProject()), '--out', tempDir('vb-signal-check-out-')], { ci: false });
    await waitForStderr(run, 'checking ');
    // The parse of 7.5 MiB of YAML is under way.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run.stderr()).not.toContain('rendering');
    const sent = performance.now();
    run.child.kill(signal);
    const result = await run.done;
    const ms = performance.now() - sent;

    expect({ code: result.code, signal: result.signal }).toEqual({ code, signal: null });
    expect(ms, 'milliseconds from the signal to the exit').toBeLessThan(1000);
    expect(run.stderr()).not.toMatch(/^\s+at |internal error/m);
    expect(await eventually(() => chromiumOf(run).length === 0), chromiumOf(run).join('\n')).toBe(true);
  });
});

/**
 * `check` checks in a worker thread too: a signal ends it within a second, with the
 * signal's exit code and one line, even while it parses 7.5 MiB of YAML (minutes of
 * work). Without the worker the main thread would hear the signal only after the parse.
 */
describe('check stopped by a signal mid-parse', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: exit %i within 1 s, one line', async (signal, code) => {
    // No parse cache: a cached parse from an earlier run would make the check short.
    const run = startCli(['check', path.relative(REPO_ROOT, slowCheckProject())], { env: { VOORTGANGSBRIEF_CACHE: 'off' } });
    let ended = false;
    void run.done.then(() => (ended = true));
    // Node's start and the load of the bundle; after that the worker is parsing.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(ended, `the check is still running when the signal comes:\n${run.stderr()}`).toBe(false);
    const sent = performance.now();
    run.child.kill(signal);
    const result = await run.done;
    const ms = performance.now() - sent;

    expect({ code: result.code, signal: result.signal }).toEqual({ code, signal: null });
    expect(ms, 'milliseconds from the signal to the exit').toBeLessThan(1000);
    expect(run.stderr().trim()).toBe(`voortgangsbrief: stopped by ${signal}; the check was stopped`);
  });
});

/**
 * SIGKILL gives the CLI no chance to clean up. Chromium talks to it over its DevTools
 * pipe and ends when the pipe closes, so it still goes, renderers and all.
 */
describe('a build killed with SIGKILL', () => {
  it('leaves no Chromium running: it dies with the CLI through its DevTools pipe', async () => {
    const run = startCli(['build', path.relative(REPO_ROOT, busyProject()), '--out', tempDir('vb-sigkill-out-')], { ci: false });
    await waitForStderr(run, 'rendering brief.pdf');
    const before = chromiumOf(run);
    expect(before.length, 'Chromium runs when the CLI is killed').toBeGreaterThan(0);
    run.child.kill('SIGKILL');
    const result = await run.done;
    expect(result.signal).toBe('SIGKILL');
    expect(await eventually(() => chromiumOf(run).length === 0, 10_000), `no Chromium of this run survives:\n${chromiumOf(run).join('\n')}`).toBe(true);
    // And not one of the processes that ran before the kill, by PID.
    const pids = before.map((line) => Number(line.split(/\s+/)[0]));
    expect(pids.filter((pid) => alive(pid))).toEqual([]);
  });
});

/** Running, that is: a zombie waiting for its new parent (init) to reap it runs no code. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /s.test(stat);
  } catch {
    return false;
  }
}
