import { renameSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, tempDir } from '../helpers/build-fixture.js';
import { startCli, waitForStderr, type CliRun } from '../hostile/cli-process.js';
import { writeSlowYaml } from '../hostile/slow-projects.js';

/**
 * Issue 12: an edit that makes the check take minutes (7.5 MiB of YAML) must not block
 * watch. Its check runs in a worker thread, so the preview keeps answering and Ctrl+C
 * ends the session at once; --timeout bounds each rebuild, reported as a diagnostic,
 * and watch goes on. Through the CLI: the worker is the compiled one in dist/.
 */
function startWatch(dir: string, extra: string[] = []): CliRun {
  // No parse cache: a parse kept by an earlier run would make the slow check short.
  return startCli(['watch', dir, '--port', '0', '--no-pdf', '--out', tempDir('vb-watch-slow-out-'), ...extra], {
    ci: false,
    env: { VOORTGANGSBRIEF_CACHE: 'off' },
  });
}

async function previewUrl(run: CliRun): Promise<string> {
  await waitForStderr(run, /preview at http:\/\/\S+/);
  return /preview at (http:\/\/\S+)/.exec(run.stderr())![1]!;
}

/** GET with a bound: a preview whose event loop is blocked does not answer at all. */
function get(url: string, ms: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.setTimeout(ms, () => req.destroy(new Error(`no answer within ${ms} ms`)));
    req.on('error', reject);
  });
}

const count = (text: string, part: string) => text.split(part).length - 1;

/**
 * The edit that makes the check slow: 7.5 MiB of YAML in a new data folder, moved in
 * whole, so that watch (another process) never reads it half-written. Unused, which is
 * a warning: the data files are parsed all the same.
 */
function addSlowData(dir: string): void {
  const staged = path.join(tempDir('vb-watch-stage-'), 'data');
  writeSlowYaml(staged);
  renameSync(staged, path.join(dir, 'data'));
}

describe('watch during a slow check', () => {
  it('keeps serving the preview, and SIGINT ends it without waiting for the parse', async () => {
    const dir = copyFixture('minimal');
    const run = startWatch(dir);
    try {
      const url = await previewUrl(run);
      await waitForStderr(run, 'preview updated');
      addSlowData(dir);
      // The change is seen and the rebuild's parse (minutes of work) is under way.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(count(run.stderr(), 'preview updated'), run.stderr()).toBe(1);

      const started = performance.now();
      const res = await get(url, 3000);
      expect(res.status).toBe(200);
      expect(performance.now() - started, 'milliseconds for the preview to answer').toBeLessThan(3000);
      // Still the same rebuild: it has not finished, so the answer did not wait for it.
      expect(count(run.stderr(), 'preview updated'), run.stderr()).toBe(1);

      const sent = performance.now();
      run.child.kill('SIGINT');
      const result = await run.done;
      // Generous for a loaded machine; the parse alone takes minutes.
      expect(performance.now() - sent, 'milliseconds from SIGINT to the exit').toBeLessThan(2000);
      expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
      expect(run.stderr()).not.toMatch(/^\s+at |internal error/m);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('a rebuild past --timeout is a diagnostic in the preview; the next save rebuilds', async () => {
    const dir = copyFixture('minimal');
    // Room for the first check of a cold worker on a loaded machine; the slow one takes minutes.
    const run = startWatch(dir, ['--timeout', '5']);
    try {
      const url = await previewUrl(run);
      await waitForStderr(run, 'preview updated');
      addSlowData(dir);
      await waitForStderr(run, 'the rebuild did not finish within 5 s (while checking the project)');
      expect(run.stderr()).toContain('watch goes on');
      const shown = await get(url, 3000);
      expect(shown.body).toContain('did not finish within 5 s');

      // The author takes the large file out again: the (new) worker checks the project.
      rmSync(path.join(dir, 'data'), { recursive: true });
      await eventuallyStderr(run, () => count(run.stderr(), 'preview updated') >= 2);
      expect((await get(url, 3000)).body).toContain('Deze brief doet die toezegging gestand.');

      run.child.kill('SIGINT');
      expect((await run.done).code).toBe(0);
      expect(run.stderr()).not.toMatch(/^\s+at |internal error/m);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

async function eventuallyStderr(run: CliRun, condition: () => boolean, ms = 30_000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`not within ${ms} ms:\n${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
