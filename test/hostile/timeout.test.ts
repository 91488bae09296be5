import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';
import { chromiumOf, eventually, startCli } from './cli-process.js';

/**
 * A render that never finishes ends after --timeout with exit code 3, a message that
 * says what to do, and no Chromium left over: a layout whose script never returns
 * keeps the renderer busy, so it answers nothing, not even a close. A layout without
 * the page runner, which would otherwise leave the page idle for ever, fails at once.
 */
const TIMEOUT_S = 2;

function hangingProject(kind: 'idle' | 'busy'): string {
  const dir = path.join(tempDir('vb-hang-'), 'hang');
  cpSync(path.join(FIXTURES, 'hang'), dir, { recursive: true });
  if (kind === 'busy') {
    const layout = path.join(dir, 'templates/brief.hbs');
    writeFileSync(layout, readFileSync(layout, 'utf8').replace('<h1>', '<script>for (;;) {}</script>\n<h1>'));
  }
  return dir;
}

describe('a render that hangs', () => {
  it.each(['busy'] as const)('%s page: exit 3 after --timeout, browser closed, nothing written', async (kind) => {
    const out = path.join(tempDir('vb-hang-out-'), 'output');
    const run = startCli(['build', path.relative(REPO_ROOT, hangingProject(kind)), '--out', out, '--timeout', String(TIMEOUT_S)]);
    const result = await run.done;

    expect(result.code, run.stderr()).toBe(3);
    expect(run.stderr()).toContain(`did not finish within ${TIMEOUT_S} s`);
    expect(run.stderr()).toContain('--timeout');
    expect(run.stderr()).not.toMatch(/^\s+at |internal error/m);
    // The budget covers loading, paginating and printing together; start-up (node,
    // Chromium in parallel with the checks) and closing come on top of it.
    expect(result.ms).toBeGreaterThan(TIMEOUT_S * 1000);
    expect(result.ms).toBeLessThan(TIMEOUT_S * 1000 + 5000);
    expect(await eventually(() => chromiumOf(run).length === 0, 2000), chromiumOf(run).join('\n')).toBe(true);
    expect(existsSync(out)).toBe(false);
  });

  it('a layout without the page runner fails at once with exit 3 and says why', async () => {
    const dir = hangingProject('idle');
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
