import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, tempDir } from '../helpers/build-fixture.js';

const BIN = path.join(REPO_ROOT, 'bin/voortgangsbrief.js');

/** `check` as an author runs it (dist/, a process of its own), with the cache variables given. */
function check(dir: string, env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  delete clean.VOORTGANGSBRIEF_CACHE;
  delete clean.XDG_CACHE_HOME;
  const run = spawnSync('node', [BIN, 'check', dir, '--quiet'], { encoding: 'utf8', env: { ...clean, CI: 'true', ...env }, timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

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
});
