import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';

const BIN = path.join(REPO_ROOT, 'bin/voortgangsbrief.js');

/** A command as an author runs it (dist/, a process of its own), with the cache variables given. */
function cli(args: string[], env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  delete clean.VOORTGANGSBRIEF_CACHE;
  delete clean.XDG_CACHE_HOME;
  const run = spawnSync('node', [BIN, ...args, '--quiet'], { encoding: 'utf8', env: { ...clean, CI: 'true', ...env }, timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

const check = (dir: string, env: Record<string, string | undefined>) => cli(['check', dir], env);

/** Cache entries below a folder (one folder per build of the tool, files inside). */
function entries(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /(section|data|markdown)-/.test(f));
}

describe('where the CLI keeps its parse cache', () => {
  it('uses the project’s node_modules/.cache, else $XDG_CACHE_HOME, and nothing when it is off', () => {
    const project = path.join(tempDir(), 'brief');
    cpSync(path.join(FIXTURES, 'parse-cache'), project, { recursive: true });
    const xdg = tempDir('vb-xdg-');

    check(project, { XDG_CACHE_HOME: xdg });
    expect(entries(path.join(xdg, 'voortgangsbrief')).length).toBeGreaterThan(0);

    mkdirSync(path.join(project, 'node_modules'));
    const local = path.join(project, 'node_modules/.cache/voortgangsbrief');
    check(project, { XDG_CACHE_HOME: tempDir('vb-xdg-unused-') });
    expect(entries(local).length).toBeGreaterThan(0);

    const elsewhere = tempDir('vb-cache-');
    check(project, { VOORTGANGSBRIEF_CACHE: elsewhere });
    expect(entries(elsewhere).length).toBeGreaterThan(0);

    const off = tempDir('vb-xdg-off-');
    check(path.join(FIXTURES, 'minimal'), { VOORTGANGSBRIEF_CACHE: 'off', XDG_CACHE_HOME: off });
    expect(entries(off)).toEqual([]);
  });

  // The check's worker replies first and writes the cache after, while the build goes on
  // (src/cache/write-behind.ts): the process must not end, or stop the worker, before it has.
  it('is written whole by a build and by a check, whose worker writes it after its reply', () => {
    const project = path.join(tempDir(), 'brief');
    cpSync(path.join(FIXTURES, 'parse-cache'), project, { recursive: true });
    const byCheck = tempDir('vb-cache-check-');
    check(project, { VOORTGANGSBRIEF_CACHE: byCheck });
    const written = entries(byCheck).sort();
    expect(written.length).toBeGreaterThan(2);
    const byBuild = tempDir('vb-cache-build-');
    cli(['build', project, '--out', path.join(tempDir(), 'uit')], { VOORTGANGSBRIEF_CACHE: byBuild });
    expect(entries(byBuild).sort()).toEqual(written);
    expect(readdirSync(byBuild, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
