import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { chromiumOf, eventually, startCli, waitForStderr } from './cli-process.js';
import { slowCheckProject, slowRenderProject } from './slow-projects.js';

/**
 * --timeout covers the whole build, from the start of the check to the last PDF: a
 * build that takes longer ends with exit code 3, a message that says what to do, no
 * Chromium left over and nothing written. A layout without the page runner, which
 * would otherwise leave the page idle for ever, fails at once.
 */
const TIMEOUT_S = 2;

describe('a build that takes too long', () => {
  it('a render of thousands of pages: exit 3 after --timeout, browser killed, nothing written', async () => {
    const out = path.join(tempDir('vb-hang-out-'), 'output');
    const run = startCli(['build', path.relative(REPO_ROOT, slowRenderProject()), '--out', out, '--timeout', String(TIMEOUT_S)]);
    const result = await run.done;

    expect(result.code, run.stderr()).toBe(3);
    expect(run.stderr()).toContain(`did not finish within ${TIMEOUT_S} s`);
    expect(run.stderr()).toContain('--timeout');
    expect(run.stderr()).not.toMatch(/^\s+at |internal error/m);
    expect(result.ms).toBeGreaterThan(TIMEOUT_S * 1000);
    // Node's start comes on top; the browser is killed, not closed politely.
    expect(result.ms).toBeLessThan(TIMEOUT_S * 1000 + 5000);
    expect(await eventually(() => chromiumOf(run).length === 0, 2000), chromiumOf(run).join('\n')).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('a check that takes seconds: the timeout covers it too, and stops it', async () => {
    const out = path.join(tempDir('vb-slow-check-out-'), 'output');
    const run = startCli(['build', path.relative(REPO_ROOT, slowCheckProject()), '--out', out, '--timeout', '0.5']);
    const result = await run.done;

    expect(result.code, run.stderr()).toBe(3);
    expect(run.stderr()).toContain('did not finish within 0.5 s (while checking the project)');
    expect(run.stderr()).not.toMatch(/^\s+at |internal error/m);
    expect(await eventually(() => chromiumOf(run).length === 0, 2000), chromiumOf(run).join('\n')).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('check: --timeout stops a check that takes minutes, with exit 3 and one line', async () => {
    const run = startCli(['check', path.relative(REPO_ROOT, slowCheckProject()), '--timeout', '1'], { env: { VOORTGANGSBRIEF_CACHE: 'off' } });
    const result = await run.done;

    expect(result.code, run.stderr()).toBe(3);
    expect(run.stderr().trim()).toBe(
      'voortgangsbrief: the check did not finish within 1 s (while checking the project); the check was stopped. ' +
        'A long letter may need more time: pass --timeout <seconds>.',
    );
    // Node's start comes on top of the second; the parse itself would take minutes.
    expect(result.ms).toBeLessThan(1000 + 5000);
  });

  it('a layout without the page runner fails at once with exit 3 and says why', async () => {
    const dir = path.join(tempDir('vb-hang-'), 'hang');
    cpSync(path.join(FIXTURES, 'hang'), dir, { recursive: true });
    const out = path.join(tempDir('vb-hang-out-'), 'output');
    const run = startCli(['build', path.relative(REPO_ROOT, dir), '--out', out, '--timeout', '30']);
    const result = await run.done;

    expect(result.code, run.stderr()).toBe(3);
    expect(run.stderr()).toContain('{{scripts.runner}}');
    expect(run.stderr()).not.toMatch(/^\s+at |internal error/m);
    expect(result.ms).toBeLessThan(15_000);
    expect(existsSync(out)).toBe(false);
  });
});

describe('Chromium that crashes mid-render', () => {
  it('a killed renderer: exit 3, one line saying Chromium stopped, nothing written, no Chromium left', async () => {
    const out = path.join(tempDir('vb-crash-out-'), 'output');
    const run = startCli(['build', path.relative(REPO_ROOT, slowRenderProject()), '--out', out, '--timeout', '120'], { ci: false });
    await waitForStderr(run, 'rendering brief.pdf');
    // The renderer of the letter's page: kill it as an out-of-memory killer would. The
    // page may get its renderer only after the first one seen (about:blank's), so every
    // renderer is killed until the build ends.
    let ended = false;
    const done = run.done.finally(() => (ended = true));
    await eventually(() => chromiumOf(run).some((l) => l.includes('--type=renderer')), 10_000);
    while (!ended) {
      for (const line of chromiumOf(run).filter((l) => l.includes('--type=renderer'))) {
        try {
          process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const result = await done;

    expect(result.code, run.stderr()).toBe(3);
    const lines = run.stderr().trim().split('\n').filter((l) => !/^(checking|rendering) /.test(l));
    expect(lines, run.stderr()).toHaveLength(1);
    expect(lines[0]).toMatch(/Chromium stopped while rendering/);
    expect(run.stderr()).not.toMatch(/^\s+at |internal error/m);
    expect(await eventually(() => chromiumOf(run).length === 0, 3000), chromiumOf(run).join('\n')).toBe(true);
    expect(existsSync(out)).toBe(false);
  });
});
