import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { persistentBuildCache, type BuildCache } from '../../src/build-cache.js';
import { CACHE_ENV } from '../../src/cache/cache-location.js';
import { check } from '../../src/check.js';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { copyFixture } from '../helpers/build-fixture.js';

const REPO = path.resolve(import.meta.dirname, '../..');
let cacheRoot: string;
let dir: string;

function copyExample(): string {
  const target = mkdtempSync(path.join(os.tmpdir(), 'vb-parse-cache-'));
  for (const entry of ['brief.md', 'secties', 'bijlagen', 'data']) cpSync(path.join(REPO, entry), path.join(target, entry), { recursive: true });
  return target;
}

/** A check as a fresh process runs it: nothing in memory, the parse cache on disk. */
function cachedRun(project = dir): { html: string; cache: BuildCache } {
  const cache = persistentBuildCache(project);
  if (!cache) throw new Error('no parse cache although VOORTGANGSBRIEF_CACHE is set');
  return { html: check({ dir: project, cache }).documents[0]!.html, cache };
}

/** The same check with the parse cache off: what every cached run must equal. */
function uncached(project = dir): string {
  const saved = process.env[CACHE_ENV];
  process.env[CACHE_ENV] = 'off';
  try {
    return check({ dir: project }).documents[0]!.html;
  } finally {
    process.env[CACHE_ENV] = saved;
  }
}

function stats(c: BuildCache) {
  return {
    misses: c.sections.misses + c.data.misses + c.markdown.misses,
    diskHits: c.sections.diskHits + c.data.diskHits + c.markdown.diskHits,
  };
}

function entries(): string[] {
  return readdirSync(cacheRoot, { recursive: true, encoding: 'utf8' }).filter((f) => /(section|data|markdown)-/.test(f));
}

function diagnosticsOf(run: () => unknown): unknown[] {
  try {
    run();
  } catch (err) {
    if (err instanceof InputError) return err.diagnostics;
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('parse cache on disk', () => {
  beforeEach(() => {
    cacheRoot = mkdtempSync(path.join(os.tmpdir(), 'vb-cache-root-'));
    process.env[CACHE_ENV] = cacheRoot;
    dir = copyExample();
  });
  afterEach(() => {
    delete process.env[CACHE_ENV];
    rmSync(cacheRoot, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets a second run parse and render nothing, with the same HTML as no cache', () => {
    const first = cachedRun();
    expect(stats(first.cache).diskHits).toBe(0);
    // 8 section files and 6 data files are parsed; the Markdown parts are rendered.
    expect(first.cache.sections.misses).toBe(8);
    expect(first.cache.data.misses).toBe(6);
    expect(entries().length).toBe(stats(first.cache).misses);
    expect(readdirSync(cacheRoot)).toHaveLength(1);
    const second = cachedRun();
    expect(stats(second.cache)).toEqual({ misses: 0, diskHits: stats(first.cache).misses });
    expect(second.html).toBe(first.html);
    expect(second.html).toBe(uncached());
  });

  it('keys entries by content: an edited section and the parts it renumbers are parsed again', () => {
    cachedRun();
    const file = path.join(dir, 'secties/05-tot-slot.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\n/, '\n\nEen zin die er bij het herlezen bij kwam.\n\n'));
    const edited = cachedRun();
    expect(edited.cache.sections.misses).toBe(1);
    expect(edited.cache.data.misses).toBe(0);
    expect(edited.cache.markdown.misses).toBe(1);
    expect(edited.html).toContain('Een zin die er bij het herlezen bij kwam.');
    expect(edited.html).toBe(uncached());
  });

  it('points a diagnostic into a data file read from the cache at the same line as without it', () => {
    cachedRun();
    // The new duplicate is in toezeggingen.yaml (parsed again); its hint names the first
    // id in moties.yaml, which comes from the cache and has no parser tree of its own.
    const file = path.join(dir, 'data/toezeggingen.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n- id: motie-van-der-werf-889\n  nummer: TZ1\n  bewindspersoon: x\n  datum: 2024-10-23\n  titel: x\n  status: voldaan\n`);
    const cache = persistentBuildCache(dir)!;
    const withCache = diagnosticsOf(() => check({ dir, cache }));
    expect(cache.data.diskHits).toBe(5);
    const without = diagnosticsOf(() => uncached());
    expect(withCache).toEqual(without);
    expect(JSON.stringify(withCache)).toMatch(/moties\.yaml:19/);
  });

  it('renders a part again when an image it found has gone, and reports it as a fresh run does', () => {
    const project = copyFixture('parse-cache');
    try {
      expect(cachedRun(project).html).toContain('assets/afbeeldingen/meldingen.png');
      expect(cachedRun(project).cache.markdown.diskHits).toBeGreaterThan(0);
      rmSync(path.join(project, 'afbeeldingen/meldingen.png'));
      const cache = persistentBuildCache(project)!;
      const withCache = diagnosticsOf(() => check({ dir: project, cache }));
      expect(cache.markdown.diskHits).toBe(0);
      expect(withCache).toEqual(diagnosticsOf(() => uncached(project)));
      expect(JSON.stringify(withCache)).toMatch(/file not found: afbeeldingen\/meldingen\.png/);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('treats unreadable entries as misses and a cache it cannot write as none', () => {
    cachedRun();
    const folder = path.join(cacheRoot, readdirSync(cacheRoot)[0]!);
    for (const f of readdirSync(folder)) if (!f.startsWith('.')) writeFileSync(path.join(folder, f), 'not a V8 serialisation');
    const corrupt = cachedRun();
    expect(stats(corrupt.cache).diskHits).toBe(0);
    expect(corrupt.html).toBe(uncached());

    rmSync(cacheRoot, { recursive: true, force: true });
    // A file where the folder should be: nothing can be written, the check still succeeds.
    writeFileSync(cacheRoot, 'in the way');
    const blocked = cachedRun();
    expect(blocked.html).toBe(corrupt.html);
    rmSync(cacheRoot);
  });

  it('removes folders of other builds after a week unused, and only its own', () => {
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const folder = (name: string, marked: boolean, old: boolean): string => {
      const f = path.join(cacheRoot, name);
      mkdirSync(f);
      writeFileSync(path.join(f, marked ? '.voortgangsbrief-cache' : 'foto.jpg'), 'x');
      if (old) utimesSync(f, weekAgo, weekAgo);
      return f;
    };
    // VOORTGANGSBRIEF_CACHE may name a folder that holds other things too.
    const foreign = folder('vakantie', false, true);
    const oldBuild = folder('0.0.1-AAAAAAAAAAAAAAAA', true, true);
    const recentBuild = folder('0.0.2-BBBBBBBBBBBBBBBB', true, false);
    cachedRun();
    expect(existsSync(foreign)).toBe(true);
    expect(existsSync(oldBuild)).toBe(false);
    expect(existsSync(recentBuild)).toBe(true);
  });

  it('is off with VOORTGANGSBRIEF_CACHE=off, and off by default when running from src/', () => {
    process.env[CACHE_ENV] = 'off';
    expect(persistentBuildCache(dir)).toBeUndefined();
    delete process.env[CACHE_ENV];
    expect(persistentBuildCache(dir)).toBeUndefined();
  });
});
